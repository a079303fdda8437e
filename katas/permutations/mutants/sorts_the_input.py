# Wrong: sorts the caller's list in place to get lexicographic output (modifies nums).
def permutations(nums):
    nums.sort()
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
