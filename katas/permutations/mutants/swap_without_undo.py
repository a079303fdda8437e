# Wrong: swaps in place but never swaps back, so later branches start from a scrambled list.
def permutations(nums):
    values = list(nums)
    result = []

    def build(start):
        if start == len(values):
            result.append(values[:])
            return
        for i in range(start, len(values)):
            values[start], values[i] = values[i], values[start]
            build(start + 1)

    build(0)
    return result
