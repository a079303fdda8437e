# Wrong: records `path` itself instead of a copy: every entry is the same list, empty by the end.
def permutations(nums):
    result, path, used = [], [], [False] * len(nums)

    def build():
        if len(path) == len(nums):
            result.append(path)
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
