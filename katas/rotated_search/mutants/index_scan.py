# Wrong: nums.index: right answers in O(n) per question.
def search_rotated(nums: list[int], target: int) -> int:
    try:
        return nums.index(target)
    except ValueError:
        return -1
