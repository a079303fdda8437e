# Wrong: runs the jobs in batches of `limit`: one slow job holds up its whole batch
import asyncio
from collections.abc import Awaitable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def bounded_gather(aws: Iterable[Awaitable[T]], limit: int) -> list[T]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    pending = list(aws)
    results: list[T] = []
    for start in range(0, len(pending), limit):
        results.extend(await asyncio.gather(*pending[start:start + limit]))
    return results
