# Wrong: never checks n: batched(x, 0) quietly yields nothing instead of raising ValueError
from itertools import islice
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
    iterator = iter(iterable)
    while batch := tuple(islice(iterator, n)):
        yield batch
