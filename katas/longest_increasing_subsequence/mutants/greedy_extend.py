# Wrong: extends whenever a number is bigger than the last one kept: misses better later starts.
def length_of_lis(nums):
    length = 0
    last = None
    for x in nums:
        if last is None or x > last:
            length += 1
            last = x
    return length
