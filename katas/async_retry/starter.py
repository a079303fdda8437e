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

    >>> async def ping():
    ...     return "pong"
    >>> asyncio.run(call_with_retry(ping, attempts=5, timeout=0.5))
    'pong'
    """
    raise NotImplementedError("write call_with_retry")
