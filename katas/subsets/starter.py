def subsets(nums: list[int]) -> list[list[int]]:
    """Return every distinct subset of nums, each as an ascending list (any order).

    >>> sorted(subsets([1, 2, 2]))
    [[], [1], [1, 2], [1, 2, 2], [2], [2, 2]]
    """
    raise NotImplementedError("write subsets")
