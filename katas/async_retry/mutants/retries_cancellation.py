# Wrong: catches BaseException to retry, so cancelling the caller just starts another attempt
import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def call_with_retry(
    fn: Callable[[], Awaitable[T]],
    *,
    attempts: int = 3,
    timeout: float = 1.0,
    retry_on: tuple[type[BaseException], ...] = (ConnectionError,),
) -> T:
    """Await fn() with a timeout per attempt, retrying timeouts and retry_on errors.

    At most `attempts` attempts; when they all fail, the last error is raised.
    A cancellation is never retried.

    Each attempt builds a fresh coroutine and gets the full `timeout`;
    wait_for cancels an attempt that runs over. Worst case: attempts * timeout
    seconds and `attempts` calls of fn.
    """
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    for attempt in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(fn(), timeout)
        except BaseException as exc:
            if not isinstance(exc, (TimeoutError, asyncio.CancelledError, *retry_on)):
                raise
            if attempt == attempts:
                raise
    raise AssertionError("unreachable: the loop returns or raises")
