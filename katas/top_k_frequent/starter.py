def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """Return the k most frequent values in nums, most frequent first.

    Ties go to the smaller value. Fewer than k distinct values: all of them.
    k <= 0: an empty list.

    >>> top_k_frequent([1, 1, 1, 2, 2, 3], 2)
    [1, 2]
    """
    raise NotImplementedError("write top_k_frequent")
