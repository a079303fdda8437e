def permutations(nums: list[int]) -> list[list[int]]:
    """Return every ordering of the distinct numbers in nums (any order).

    Backtracking: at each depth, try every number not used yet, recurse, then
    undo the choice. O(n * n!) time, the size of the output; O(n) extra space
    besides it (the path, the markers and the recursion).
    """
    result: list[list[int]] = []
    path: list[int] = []
    used = [False] * len(nums)

    def build() -> None:
        if len(path) == len(nums):
            result.append(path[:])
            return
        for i, x in enumerate(nums):
            if used[i]:
                continue
            used[i] = True
            path.append(x)
            build()
            path.pop()
            used[i] = False

    build()
    return result
