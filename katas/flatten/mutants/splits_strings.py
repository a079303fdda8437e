# Wrong: descends into every iterable, so strings are split into characters (and single characters recurse forever)
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
        if hasattr(item, "__iter__") and not (isinstance(item, str) and len(item) == 1):
            yield from flatten(item)
        else:
            yield item
