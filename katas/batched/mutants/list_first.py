# Wrong: reads the whole iterable into a list first, so it never ends on an infinite iterator
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    items = list(iterable)
    return iter([tuple(items[i:i + n]) for i in range(0, len(items), n)])
