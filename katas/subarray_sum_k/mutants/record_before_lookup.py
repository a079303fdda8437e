# Wrong: records the running sum before looking up: with k == 0 every position counts an empty subarray.
from collections import Counter


def subarray_sum(nums, k):
    seen = Counter({0: 1})
    running = count = 0
    for x in nums:
        running += x
        seen[running] += 1
        count += seen[running - k]
    return count
