# Wrong: uses < instead of <=, so touching intervals like [1, 4] and [4, 5] stay apart
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Merge overlapping (or touching) [start, end] intervals; return them sorted by start.

    Sort a copy by start, then one pass: each interval either extends the
    last merged one or starts a new one. O(n log n) time for the sort, O(n)
    extra space. The input and its lists are left untouched.
    """
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
