# Wrong: one module-level semaphore, created on first use, limits every call by the first call's limit
import asyncio
from collections.abc import Awaitable, Iterable
from typing import TypeVar

T = TypeVar("T")

_semaphore: asyncio.Semaphore | None = None


async def bounded_gather(aws: Iterable[Awaitable[T]], limit: int) -> list[T]:
    global _semaphore
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if _semaphore is None:
        _semaphore = asyncio.Semaphore(limit)
    semaphore = _semaphore

    async def run(aw: Awaitable[T]) -> T:
        async with semaphore:
            return await aw

    tasks = [asyncio.ensure_future(run(aw)) for aw in aws]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
