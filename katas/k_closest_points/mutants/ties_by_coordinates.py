# Wrong: heap of (distance, point): ties are broken by comparing the points, not by input order.
import heapq


def k_closest(points, k):
    return [p for _, p in heapq.nsmallest(k, ((x * x + y * y, (x, y)) for x, y in points))]
