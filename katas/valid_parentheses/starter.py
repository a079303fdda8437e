def is_valid(s: str) -> bool:
    """Return True if the brackets ()[]{} in s are balanced and properly nested.

    Every other character is ignored.

    >>> is_valid("f(a[0], {1: 2})")
    True
    >>> is_valid("([)]")
    False
    """
    raise NotImplementedError("write is_valid")
