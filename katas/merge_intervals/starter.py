def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Merge overlapping (or touching) [start, end] intervals; return them sorted by start.

    >>> merge_intervals([[1, 3], [2, 6], [8, 10], [15, 18]])
    [[1, 6], [8, 10], [15, 18]]
    """
    raise NotImplementedError("write merge_intervals")
