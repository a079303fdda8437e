# Wrong: collects results with as_completed, so they come back in finishing order, not input order
import asyncio
from collections.abc import Awaitable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def bounded_gather(aws: Iterable[Awaitable[T]], limit: int) -> list[T]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    semaphore = asyncio.Semaphore(limit)

    async def run(aw: Awaitable[T]) -> T:
        async with semaphore:
            return await aw

    tasks = [asyncio.ensure_future(run(aw)) for aw in aws]
    try:
        return [await next_done for next_done in asyncio.as_completed(tasks)]
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
