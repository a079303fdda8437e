# Wrong: creates the coroutine once and awaits it on every attempt: a coroutine cannot be awaited twice
import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def call_with_retry(fn: Callable[[], Awaitable[T]], *, attempts: int = 3, timeout: float = 1.0,
                          retry_on: tuple[type[BaseException], ...] = (ConnectionError,)) -> T:
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    coro = fn()
    for attempt in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(coro, timeout)
        except (TimeoutError, *retry_on):
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")
