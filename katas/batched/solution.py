from itertools import islice
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    """Yield tuples of n items from `iterable`; the last one may be shorter.

    Lazy: each batch takes exactly the items it holds, so it works on
    infinite iterators. O(total items) time, O(n) memory. A plain function
    that returns a generator, so a bad n raises at the call, not at the first
    next().
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    return _batches(iter(iterable), n)


def _batches(iterator: Iterator[T], n: int) -> Iterator[tuple[T, ...]]:
    while batch := tuple(islice(iterator, n)):
        yield batch
