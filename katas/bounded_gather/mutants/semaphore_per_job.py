# Wrong: creates a new Semaphore inside each job, so nothing is shared and nothing is limited
import asyncio
from collections.abc import Awaitable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def bounded_gather(aws: Iterable[Awaitable[T]], limit: int) -> list[T]:
    """Await every coroutine in aws with at most `limit` running at once.

    Returns their results in input order. If one raises, the others are
    cancelled and the exception propagates.

    One task per coroutine; each waits on a shared Semaphore(limit) before it
    starts its coroutine, so a slot is reused as soon as it frees. O(n) tasks
    and memory; wall time about the critical path of n jobs over `limit` slots.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    async def run(aw: Awaitable[T]) -> T:
        async with asyncio.Semaphore(limit):
            return await aw

    tasks = [asyncio.ensure_future(run(aw)) for aw in aws]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:  # a job failed, or our caller cancelled us
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)  # let them finish cancelling
        raise
