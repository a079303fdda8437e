# Wrong: sorts a copy and searches that: the index is in the sorted copy, not in nums.
from bisect import bisect_left


def search_rotated(nums: list[int], target: int) -> int:
    ordered = sorted(nums)
    i = bisect_left(ordered, target)
    return i if i < len(ordered) and ordered[i] == target else -1
