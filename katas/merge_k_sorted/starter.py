from collections.abc import Iterable, Iterator
from typing import Any


def merge_k_sorted(iterables: Iterable[Iterable[Any]]) -> Iterator[Any]:
    """Lazily yield the values of several ascending iterables in ascending order.

    >>> list(merge_k_sorted([[1, 4, 5], [1, 3, 4], [2, 6]]))
    [1, 1, 2, 3, 4, 4, 5, 6]
    """
    raise NotImplementedError("write merge_k_sorted")
