# Wrong: builds and returns a whole list instead of yielding items lazily
from typing import Any


def flatten(nested: list | tuple) -> list[Any]:
    out: list[Any] = []
    for item in nested:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
