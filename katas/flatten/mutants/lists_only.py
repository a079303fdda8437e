# Wrong: only descends into lists, so tuples are yielded whole
from typing import Any, Iterator


def flatten(nested: list | tuple) -> Iterator[Any]:
    """Yield the items of `nested`, descending into every list and tuple, in order.

    Anything that is not a list or tuple (strings, bytes, dicts, sets, None,
    ...) is yielded as it is. A recursive generator: it does O(1) work per
    container and per item besides passing each item up through one
    `yield from` per level, and holds one suspended generator per level of
    nesting, so Python's recursion limit caps the depth (about 1,000).
    """
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
