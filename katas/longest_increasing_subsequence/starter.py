def length_of_lis(nums: list[int]) -> int:
    """Return the length of the longest strictly increasing subsequence.

    >>> length_of_lis([10, 9, 2, 5, 3, 7, 101, 18])
    4
    """
    raise NotImplementedError("write length_of_lis")
