# Wrong: forgets used[i] = False after the recursive call: only the first ordering comes back.
def permutations(nums):
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

    build()
    return result
