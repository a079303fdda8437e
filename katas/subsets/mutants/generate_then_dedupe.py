# Wrong: generates all 2^n subsets, then removes duplicates with a set: exponential in the duplicates too.
from itertools import combinations


def subsets(nums):
    values = sorted(nums)
    seen = set()
    for size in range(len(values) + 1):
        for combo in combinations(values, size):
            seen.add(combo)
    return [list(s) for s in seen]
