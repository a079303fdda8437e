# Wrong: keeps every allowed timestamp forever and counts the recent ones; memory grows without bound
import time


class RateLimiter:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self.log: list[float] = []

    def allow(self) -> bool:
        now = time.monotonic()
        recent = sum(1 for t in self.log if t > now - self.window)
        if recent < self.limit:
            self.log.append(now)
            return True
        return False
