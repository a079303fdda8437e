# Wrong: records `path` itself instead of a copy: every entry is the same list.
def subsets(nums):
    values = sorted(nums)
    result = []
    path = []

    def build(start):
        result.append(path)
        for i in range(start, len(values)):
            if i > start and values[i] == values[i - 1]:
                continue
            path.append(values[i])
            build(i + 1)
            path.pop()

    build(0)
    return result
