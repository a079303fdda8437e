# Wrong: records rejected requests too, so a client that keeps retrying is locked out forever
import time
from collections import deque


class RateLimiter:
    """Allow at most `limit` requests in any sliding window of `window` seconds.

    A sliding-window log: the timestamps of allowed requests, oldest first.
    Each timestamp is appended once and popped once, so allow() is O(1)
    amortised and memory is O(limit).
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._allowed: deque[float] = deque()

    def allow(self) -> bool:
        now = time.monotonic()
        horizon = now - self.window
        while self._allowed and self._allowed[0] <= horizon:
            self._allowed.popleft()
        allowed = len(self._allowed) < self.limit
        self._allowed.append(now)
        return allowed
