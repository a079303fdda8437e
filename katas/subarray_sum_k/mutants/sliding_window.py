# Wrong: A sliding window: only correct when every number is positive.
def subarray_sum(nums, k):
    count = left = total = 0
    for right, x in enumerate(nums):
        total += x
        while total > k and left <= right:
            total -= nums[left]
            left += 1
        if total == k and left <= right:
            count += 1
    return count
