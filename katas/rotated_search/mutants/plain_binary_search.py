# Wrong: an ordinary binary search that ignores the rotation.
from bisect import bisect_left


def search_rotated(nums: list[int], target: int) -> int:
    i = bisect_left(nums, target)
    return i if i < len(nums) and nums[i] == target else -1
