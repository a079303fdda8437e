def permutations(nums: list[int]) -> list[list[int]]:
    """Return every ordering of the distinct numbers in nums (any order).

    >>> sorted(permutations([1, 2, 3]))
    [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]
    """
    raise NotImplementedError("write permutations")
