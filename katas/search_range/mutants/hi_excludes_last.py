# Wrong: hi starts at len(nums) - 1 with `while lo < hi`: the last element is never examined.
def _lower(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _upper(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def search_range(nums: list[int], target: int) -> list[int]:
    if not nums:
        return [-1, -1]
    first = _lower(nums, target)
    if nums[first] != target:
        return [-1, -1]
    return [first, _upper(nums, target) - 1]
