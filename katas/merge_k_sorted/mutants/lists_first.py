# Wrong: copies every input into a list before merging: not lazy.
import heapq


def merge_k_sorted(iterables):
    lists = [list(x) for x in iterables]
    heap = [(lst[0], i, 0) for i, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    while heap:
        value, i, j = heapq.heappop(heap)
        yield value
        if j + 1 < len(lists[i]):
            heapq.heappush(heap, (lists[i][j + 1], i, j + 1))
