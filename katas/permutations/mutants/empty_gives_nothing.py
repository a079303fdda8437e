# Wrong: returns [] for an empty list; there is exactly one ordering of nothing, [[]].
def permutations(nums):
    if not nums:
        return []
    result, path, used = [], [], [False] * len(nums)

    def build():
        if len(path) == len(nums):
            result.append(path[:])
            return
        for i, x in enumerate(nums):
            if not used[i]:
                used[i] = True
                path.append(x)
                build()
                path.pop()
                used[i] = False

    build()
    return result
