# Wrong: forgets that bisect_left may return len(nums): IndexError when target is above every value.
from bisect import bisect_left, bisect_right


def search_range(nums: list[int], target: int) -> list[int]:
    first = bisect_left(nums, target)
    if not nums or nums[first] != target:
        return [-1, -1]
    return [first, bisect_right(nums, target) - 1]
