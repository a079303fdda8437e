# Good: sorts (value, index) pairs and closes in with two pointers: O(n log n), a fair interview answer
def two_sum(nums: list[int], target: int) -> list[int] | None:
    pairs = sorted((value, index) for index, value in enumerate(nums))
    lo, hi = 0, len(pairs) - 1
    while lo < hi:
        total = pairs[lo][0] + pairs[hi][0]
        if total == target:
            return sorted([pairs[lo][1], pairs[hi][1]])
        if total < target:
            lo += 1
        else:
            hi -= 1
    return None
