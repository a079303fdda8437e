from typing import Any, Iterator


def flatten(nested: list | tuple) -> Iterator[Any]:
    """Yield the items of `nested`, descending into every list and tuple, in order.

    >>> list(flatten([1, [2, (3, [4])], "five"]))
    [1, 2, 3, 4, 'five']
    """
    raise NotImplementedError("write flatten")
