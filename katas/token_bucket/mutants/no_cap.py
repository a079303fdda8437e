# Wrong: refills without capping at capacity, so a long idle period allows a huge burst
import time


class TokenBucket:
    """A token bucket: bursts of up to `capacity`, a long-run rate of `rate` per second.

    Refilling is lazy: instead of a background timer, allow() tops the bucket
    up for the time since the previous call, capped at capacity. Tokens are
    floats, so a fraction of a token carries over. O(1) time and memory per
    call.
    """

    def __init__(self, capacity: float, rate: float) -> None:
        if capacity <= 0 or rate <= 0:
            raise ValueError("capacity and rate must be positive")
        self.capacity = capacity
        self.rate = rate
        self._tokens = float(capacity)
        self._updated = time.monotonic()

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = self._tokens + (now - self._updated) * self.rate
        self._updated = now

    def allow(self, tokens: float = 1) -> bool:
        """Take `tokens` from the bucket and return True, or return False and take nothing."""
        self._refill()
        if tokens <= self._tokens:
            self._tokens -= tokens
            return True
        return False
