# Wrong: breaks ties by first appearance (Counter.most_common) instead of by the smaller value
from collections import Counter


def top_k_frequent(nums: list[int], k: int) -> list[int]:
    if k <= 0:
        return []
    return [value for value, _ in Counter(nums).most_common(k)]
