# Wrong: list.index and a reversed scan: correct answers, O(n) time per question.
def search_range(nums: list[int], target: int) -> list[int]:
    if target not in nums:
        return [-1, -1]
    first = nums.index(target)
    last = first
    while last + 1 < len(nums) and nums[last + 1] == target:
        last += 1
    return [first, last]
