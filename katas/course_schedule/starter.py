def find_order(num_courses: int, prerequisites: list[list[int]]) -> list[int] | None:
    """Return an order to take every course, or None if the prerequisites form a cycle.

    A pair [a, b] means course b must come before course a.

    >>> find_order(2, [[1, 0]])
    [0, 1]
    """
    raise NotImplementedError("write find_order")
