import asyncio
from collections.abc import Awaitable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def bounded_gather(aws: Iterable[Awaitable[T]], limit: int) -> list[T]:
    """Await every coroutine in aws with at most `limit` running at once.

    Returns their results in input order. If one raises, the others are
    cancelled and the exception propagates.

    >>> async def double(x):
    ...     return 2 * x
    >>> asyncio.run(bounded_gather((double(i) for i in range(5)), limit=2))
    [0, 2, 4, 6, 8]
    """
    raise NotImplementedError("write bounded_gather")
