# Wrong: a counter reset every `window` seconds: a fixed window lets 2x the limit through at a boundary
import time


class RateLimiter:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self.start = None
        self.count = 0

    def allow(self) -> bool:
        now = time.monotonic()
        if self.start is None or now - self.start >= self.window:
            self.start = now - (now % self.window)
            self.count = 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False
