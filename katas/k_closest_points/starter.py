Point = tuple[int, int]


def k_closest(points: list[Point], k: int) -> list[Point]:
    """Return the k points closest to (0, 0), closest first; ties in input order.

    >>> k_closest([(1, 3), (-2, 2)], 1)
    [(-2, 2)]
    """
    raise NotImplementedError("write k_closest")
