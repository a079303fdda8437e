# Wrong: peeks one item past each batch to see whether more are coming, taking more items than it needs
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
_END = object()


def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    return _batches(iter(iterable), n)


def _batches(iterator: Iterator[T], n: int) -> Iterator[tuple[T, ...]]:
    item = next(iterator, _END)
    while item is not _END:
        batch = []
        while item is not _END and len(batch) < n:
            batch.append(item)
            item = next(iterator, _END)
        yield tuple(batch)
