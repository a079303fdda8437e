def search_rotated(nums: list[int], target: int) -> int:
    """Return the index of target in a rotated sorted list of distinct ints, or -1.

    One binary search: of the two halves around the middle, at least one is
    sorted, and a sorted half tells with two comparisons whether the target
    can be in it. O(log n) time, O(1) space.
    """
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] <= nums[mid]:  # the left half nums[lo..mid] is sorted
            if nums[lo] <= target < nums[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:  # the right half nums[mid..hi] is sorted
            if nums[mid] < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
