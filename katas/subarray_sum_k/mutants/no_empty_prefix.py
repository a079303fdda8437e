# Wrong: forgets to seed the map with the empty prefix: subarrays starting at index 0 are missed.
from collections import Counter


def subarray_sum(nums, k):
    seen = Counter()
    running = count = 0
    for x in nums:
        running += x
        count += seen[running - k]
        seen[running] += 1
    return count
