# Wrong: fills the dict first, so an element can pair with itself (3 + 3 == 6 from one 3)
def two_sum(nums: list[int], target: int) -> list[int] | None:
    index = {n: i for i, n in enumerate(nums)}
    for i, n in enumerate(nums):
        j = index.get(target - n)
        if j is not None:
            return sorted([i, j])
    return None
