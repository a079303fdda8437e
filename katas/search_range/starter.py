def search_range(nums: list[int], target: int) -> list[int]:
    """Return [first, last] indices of target in sorted nums, or [-1, -1].

    >>> search_range([5, 7, 7, 8, 8, 10], 8)
    [3, 4]
    """
    raise NotImplementedError("write search_range")
