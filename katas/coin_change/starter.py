def coin_change(coins: list[int], amount: int) -> int:
    """Return the fewest coins that make `amount` (any number of each), or -1.

    >>> coin_change([1, 2, 5], 11)
    3
    """
    raise NotImplementedError("write coin_change")
