# Wrong: calls next() without a default: an empty input raises StopIteration inside the generator (RuntimeError).
import heapq


def merge_k_sorted(iterables):
    heap = []
    for index, iterable in enumerate(iterables):
        it = iter(iterable)
        heapq.heappush(heap, (next(it), index, it))
    while heap:
        value, index, it = heapq.heappop(heap)
        yield value
        try:
            heapq.heappush(heap, (next(it), index, it))
        except StopIteration:
            pass
