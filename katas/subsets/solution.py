def subsets(nums: list[int]) -> list[list[int]]:
    """Return every distinct subset of nums, each as an ascending list (any order).

    Backtracking over the sorted values; at each depth a value equal to the
    one just tried is skipped, so no duplicate is ever generated. O(n * s)
    time for s distinct subsets.
    """
    values = sorted(nums)
    result: list[list[int]] = []
    path: list[int] = []

    def build(start: int) -> None:
        result.append(path[:])
        for i in range(start, len(values)):
            if i > start and values[i] == values[i - 1]:
                continue
            path.append(values[i])
            build(i + 1)
            path.pop()

    build(0)
    return result
