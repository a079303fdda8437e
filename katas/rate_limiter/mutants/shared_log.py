# Wrong: the log is a class attribute, so every RateLimiter shares one budget
import time
from collections import deque


class RateLimiter:
    _allowed: deque = deque()

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window

    def allow(self) -> bool:
        now = time.monotonic()
        while self._allowed and self._allowed[0] <= now - self.window:
            self._allowed.popleft()
        if len(self._allowed) < self.limit:
            self._allowed.append(now)
            return True
        return False
