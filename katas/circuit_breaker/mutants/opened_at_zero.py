# Wrong: starts with opened_at = 0 and decides "open" from the clock alone: a fresh breaker is open when the monotonic clock is near zero.
import functools
import time


class CircuitOpenError(Exception):
    pass


class CircuitBreaker:
    def __init__(self, failure_threshold=5, reset_timeout=30.0):
        if failure_threshold < 1 or not reset_timeout > 0:
            raise ValueError("bad arguments")
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self.failures = 0
        self.opened_at = 0.0

    @property
    def state(self):
        if time.monotonic() - self.opened_at < self.reset_timeout:
            return "open"
        return "half_open" if self.failures >= self.failure_threshold else "closed"

    def call(self, func, *args, **kwargs):
        now = time.monotonic()
        if now - self.opened_at < self.reset_timeout:
            raise CircuitOpenError("open")
        try:
            result = func(*args, **kwargs)
        except Exception:
            self.failures += 1
            if self.failures >= self.failure_threshold:
                self.opened_at = now
            raise
        self.failures = 0
        return result

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return self.call(func, *args, **kwargs)

        return wrapper
