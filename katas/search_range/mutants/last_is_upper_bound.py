# Wrong: returns the upper bound itself as the last index: one past the last match.
from bisect import bisect_left, bisect_right


def search_range(nums: list[int], target: int) -> list[int]:
    first = bisect_left(nums, target)
    if first == len(nums) or nums[first] != target:
        return [-1, -1]
    return [first, min(bisect_right(nums, target), len(nums) - 1)]
