def num_islands(grid: list[list[int]]) -> int:
    """Count the groups of 1s joined horizontally or vertically.

    >>> num_islands([[1, 1, 0], [0, 0, 0], [0, 1, 1]])
    2
    """
    raise NotImplementedError("write num_islands")
