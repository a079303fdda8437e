from bisect import bisect_left, bisect_right


def search_range(nums: list[int], target: int) -> list[int]:
    """Return [first, last] indices of target in sorted nums, or [-1, -1].

    Two binary searches for boundaries: the first index holding a value
    >= target and the first holding a value > target. O(log n) time, O(1)
    space.
    """
    first = bisect_left(nums, target)
    if first == len(nums) or nums[first] != target:
        return [-1, -1]
    return [first, bisect_right(nums, target, lo=first) - 1]
