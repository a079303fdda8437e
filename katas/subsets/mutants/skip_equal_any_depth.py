# Wrong: skips a value equal to the previous one at any depth (i > 0, not i > start): loses [2, 2].
def subsets(nums):
    values = sorted(nums)
    result = []

    def build(start, path):
        result.append(list(path))
        for i in range(start, len(values)):
            if i > 0 and values[i] == values[i - 1]:
                continue
            build(i + 1, path + [values[i]])

    build(0, [])
    return result
