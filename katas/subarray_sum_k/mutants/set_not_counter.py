# Wrong: keeps a set of prefix sums instead of counts: repeated prefixes count once.
def subarray_sum(nums, k):
    seen = {0}
    running = count = 0
    for x in nums:
        running += x
        if running - k in seen:
            count += 1
        seen.add(running)
    return count
