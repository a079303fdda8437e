# Wrong: bounded heap with the sign the wrong way round: keeps the k farthest points.
import heapq


def k_closest(points, k):
    heap = []
    for i, (x, y) in enumerate(points):
        entry = (x * x + y * y, -i, (x, y))
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif k:
            heapq.heappushpop(heap, entry)
    return [p for _, _, p in sorted(heap, key=lambda e: (e[0], -e[1]))]
