from collections import Counter


def subarray_sum(nums: list[int], k: int) -> int:
    """Return how many contiguous, non-empty subarrays of nums sum to k.

    A subarray ending here sums to k when an earlier prefix sum equals the
    running sum minus k; a Counter of the prefix sums seen so far (starting
    with the empty prefix, 0) answers that in O(1). O(n) time and space.
    """
    seen = Counter({0: 1})
    running = count = 0
    for x in nums:
        running += x
        count += seen[running - k]
        seen[running] += 1
    return count
