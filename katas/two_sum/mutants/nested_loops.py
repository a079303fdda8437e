# Wrong: checks every pair with two nested loops: O(n^2)
def two_sum(nums: list[int], target: int) -> list[int] | None:
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return None
