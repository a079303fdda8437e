def two_sum(nums: list[int], target: int) -> list[int] | None:
    """Return [i, j] (i < j) with nums[i] + nums[j] == target, or None.

    >>> two_sum([2, 7, 11, 15], 9)
    [0, 1]
    """
    raise NotImplementedError("write two_sum")
