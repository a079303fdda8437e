# Wrong: takes max() of every slice: O(n * k)
def max_sliding_window(nums: list[int], k: int) -> list[int]:
    if not 1 <= k <= len(nums):
        raise ValueError(f"window size must be between 1 and {len(nums)}, got {k}")
    return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
