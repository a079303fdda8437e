# Wrong: sorts the list in place for two pointers, returning indexes into the sorted copy and mutating the input
def two_sum(nums: list[int], target: int) -> list[int] | None:
    nums.sort()
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        total = nums[lo] + nums[hi]
        if total == target:
            return [lo, hi]
        if total < target:
            lo += 1
        else:
            hi -= 1
    return None
