import heapq

Point = tuple[int, int]


def k_closest(points: list[Point], k: int) -> list[Point]:
    """Return the k points closest to (0, 0), closest first; ties in input order.

    heapq.nsmallest keeps a bounded heap of the k best (squared distance,
    index) keys: exact integer comparisons, stable ties, O(n log k) time and
    O(k) extra memory.
    """
    def key(i: int) -> tuple[int, int]:
        x, y = points[i]
        return x * x + y * y, i

    return [points[i] for i in heapq.nsmallest(k, range(len(points)), key=key)]
