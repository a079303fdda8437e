def subarray_sum(nums: list[int], k: int) -> int:
    """Return how many contiguous, non-empty subarrays of nums sum to k.

    >>> subarray_sum([1, 1, 1], 2)
    2
    """
    raise NotImplementedError("write subarray_sum")
