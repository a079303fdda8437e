# Wrong: skips equal neighbours without sorting first: unsorted input gives duplicates and unsorted subsets.
def subsets(nums):
    result = []

    def build(start, path):
        result.append(list(path))
        for i in range(start, len(nums)):
            if i > start and nums[i] == nums[i - 1]:
                continue
            build(i + 1, path + [nums[i]])

    build(0, [])
    return result
