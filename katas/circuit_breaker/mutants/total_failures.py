# Wrong: counts all failures, not consecutive ones: a success does not reset the count.
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
        self._failures = 0
        self._opened_at = None

    @property
    def state(self):
        if self._opened_at is None:
            return "closed"
        if time.monotonic() - self._opened_at >= self.reset_timeout:
            return "half_open"
        return "open"

    def call(self, func, *args, **kwargs):
        state = self.state
        if state == "open":
            raise CircuitOpenError("open")
        try:
            result = func(*args, **kwargs)
        except Exception:
            self._failures += 1
            if state == "half_open" or self._failures >= self.failure_threshold:
                self._opened_at = time.monotonic()
            raise
        self._opened_at = None
        return result

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return self.call(func, *args, **kwargs)

        return wrapper
