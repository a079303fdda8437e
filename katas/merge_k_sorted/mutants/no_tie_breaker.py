# Wrong: heap entries (value, iterator): equal values make Python compare two iterators (TypeError).
import heapq


def merge_k_sorted(iterables):
    heap = []
    for iterable in iterables:
        it = iter(iterable)
        for first in it:
            heapq.heappush(heap, (first, it))
            break
    while heap:
        value, it = heapq.heappop(heap)
        yield value
        for following in it:
            heapq.heappush(heap, (following, it))
            break
