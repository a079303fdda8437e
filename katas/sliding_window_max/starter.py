def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Return the maximum of each window of size k as it slides over nums.

    Raises ValueError unless 1 <= k <= len(nums).

    >>> max_sliding_window([1, 3, -1, -3, 5, 3, 6, 7], 3)
    [3, 3, 5, 5, 6, 7]
    """
    raise NotImplementedError("write max_sliding_window")
