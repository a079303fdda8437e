from collections.abc import Callable
from typing import Any


class CircuitOpenError(Exception):
    """Raised instead of calling the function while the breaker is open."""


class CircuitBreaker:
    """Stops calling a function after repeated failures, and retries after a pause."""

    def __init__(self, failure_threshold: int = 5, reset_timeout: float = 30.0) -> None:
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout

    @property
    def state(self) -> str:
        """"closed", "open" or "half_open"."""
        raise NotImplementedError("write state")

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call func(*args, **kwargs) through the breaker."""
        raise NotImplementedError("write call()")

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Use the breaker as a decorator."""
        raise NotImplementedError("write __call__()")
