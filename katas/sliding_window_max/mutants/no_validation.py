# Wrong: never checks k, so k = 0 or k > len(nums) returns a list instead of raising ValueError
from collections import deque


def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Return the maximum of each window of size k as it slides over nums.

    A monotonic deque of indices whose values decrease from front to back:
    the front is the current window's maximum. Every index is appended and
    popped at most once, so this is O(n) time and O(k) extra space.

    Raises ValueError unless 1 <= k <= len(nums).
    """
    window: deque[int] = deque()
    result: list[int] = []
    for i, value in enumerate(nums):
        while window and nums[window[-1]] <= value:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            result.append(nums[window[0]])
    return result
