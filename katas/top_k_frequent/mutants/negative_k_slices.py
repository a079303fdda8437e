# Wrong: forgets the k <= 0 case: ordered[:k] with a negative k drops values from the end instead of returning []
import heapq
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """Return the k most frequent values in nums, most frequent first.

    Ties go to the smaller value. Fewer than k distinct values: all of them.
    k <= 0: an empty list.

    Counting is O(n); choosing the k best of the d distinct values with a
    heap is O(d log k). Total O(n + d log k) time, O(d) space.
    """
    counts = Counter(nums)
    ordered = sorted(counts, key=lambda value: (-counts[value], value))
    return ordered[:k]
