import functools
import time
from collections.abc import Callable
from typing import Any


class CircuitOpenError(Exception):
    """Raised instead of calling the function while the breaker is open."""


class CircuitBreaker:
    """Stops calling a function after repeated failures, and retries after a pause.

    The stored state is "closed" or "open" plus the moment it opened;
    "half_open" is derived from the clock when an open breaker's timeout has
    passed, so no timer thread is needed.
    """

    def __init__(self, failure_threshold: int = 5, reset_timeout: float = 30.0) -> None:
        if failure_threshold < 1:
            raise ValueError(f"failure_threshold must be at least 1, got {failure_threshold!r}")
        if not reset_timeout > 0:
            raise ValueError(f"reset_timeout must be positive, got {reset_timeout!r}")
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self._failures = 0
        self._opened_at: float | None = None  # None while closed

    @property
    def state(self) -> str:
        """"closed", "open" or "half_open"."""
        if self._opened_at is None:
            return "closed"
        if time.monotonic() - self._opened_at >= self.reset_timeout:
            return "half_open"
        return "open"

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call func(*args, **kwargs) through the breaker."""
        state = self.state
        if state == "open":
            raise CircuitOpenError(f"circuit open; retry after {self.reset_timeout:g} s")
        try:
            result = func(*args, **kwargs)
        except Exception:
            self._failures += 1
            if state == "half_open" or self._failures >= self.failure_threshold:
                self._opened_at = time.monotonic()
            raise
        self._failures = 0
        self._opened_at = None
        return result

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Use the breaker as a decorator."""
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return self.call(func, *args, **kwargs)

        return wrapper
