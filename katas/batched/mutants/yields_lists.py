# Wrong: yields lists, not tuples
from itertools import islice
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(iterable: Iterable[T], n: int) -> Iterator[list[T]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    return _batches(iter(iterable), n)


def _batches(iterator: Iterator[T], n: int) -> Iterator[list[T]]:
    while batch := list(islice(iterator, n)):
        yield batch
