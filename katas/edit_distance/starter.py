def edit_distance(a: str, b: str) -> int:
    """Return the fewest inserts, deletes and substitutions that turn a into b.

    >>> edit_distance("horse", "ros")
    3
    """
    raise NotImplementedError("write edit_distance")
