# Wrong: counts each value with list.count inside a loop: O(n * d)
def top_k_frequent(nums: list[int], k: int) -> list[int]:
    if k <= 0:
        return []
    counts = {value: nums.count(value) for value in set(nums)}
    return sorted(counts, key=lambda value: (-counts[value], value))[:k]
