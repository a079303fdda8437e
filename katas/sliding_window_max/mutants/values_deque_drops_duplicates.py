# Wrong: a deque of values that pops equal values too, then evicts by value: a duplicate maximum still in the window is lost
from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    if not 1 <= k <= len(nums):
        raise ValueError(f"window size must be between 1 and {len(nums)}, got {k}")
    window: deque[int] = deque()
    result: list[int] = []
    for i, value in enumerate(nums):
        while window and window[-1] <= value:
            window.pop()
        window.append(value)
        if i >= k and nums[i - k] == window[0]:
            window.popleft()
        if i >= k - 1:
            result.append(window[0])
    return result
