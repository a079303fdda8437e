# Wrong: tests the found index for truth, so a partner at index 0 is missed
def two_sum(nums: list[int], target: int) -> list[int] | None:
    """Return [i, j] (i < j) with nums[i] + nums[j] == target, or None.

    One pass with a dict from value to index: O(n) time, O(n) space.
    """
    seen: dict[int, int] = {}
    for i, n in enumerate(nums):
        j = seen.get(target - n)
        if j:
            return [j, i]
        seen[n] = i
    return None
