# Wrong: plain subsets: duplicates in the input give duplicate subsets.
def subsets(nums):
    values = sorted(nums)
    result = []

    def build(start, path):
        result.append(list(path))
        for i in range(start, len(values)):
            build(i + 1, path + [values[i]])

    build(0, [])
    return result
