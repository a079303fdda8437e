# Wrong: keeps a max-heap of every value seen and never removes the ones that left the window
import heapq


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    if not 1 <= k <= len(nums):
        raise ValueError(f"window size must be between 1 and {len(nums)}, got {k}")
    heap: list[int] = []
    result: list[int] = []
    for i, value in enumerate(nums):
        heapq.heappush(heap, -value)
        if i >= k - 1:
            result.append(-heap[0])
    return result
