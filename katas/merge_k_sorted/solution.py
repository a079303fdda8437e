import heapq
from collections.abc import Iterable, Iterator
from typing import Any

_DONE = object()


def merge_k_sorted(iterables: Iterable[Iterable[Any]]) -> Iterator[Any]:
    """Lazily yield the values of several ascending iterables in ascending order.

    A min-heap holds one (value, input index, iterator) entry per unfinished
    input; the index breaks ties, so the merge is stable and two iterators
    are never compared. O(n log k) time for n values from k inputs, O(k)
    memory.
    """
    heap: list[tuple[Any, int, Iterator[Any]]] = []
    for index, iterable in enumerate(iterables):
        it = iter(iterable)
        first = next(it, _DONE)
        if first is not _DONE:
            heap.append((first, index, it))
    heapq.heapify(heap)
    while heap:
        value, index, it = heap[0]
        yield value
        following = next(it, _DONE)
        if following is _DONE:
            heapq.heappop(heap)
        else:
            heapq.heapreplace(heap, (following, index, it))
