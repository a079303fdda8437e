# Wrong: yields only full batches, losing the last few items
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    return zip(*[iter(iterable)] * n)
