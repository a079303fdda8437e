def search_rotated(nums: list[int], target: int) -> int:
    """Return the index of target in a rotated sorted list of distinct ints, or -1.

    >>> search_rotated([4, 5, 6, 7, 0, 1, 2], 0)
    4
    """
    raise NotImplementedError("write search_rotated")
