# Wrong: an explicit stack that pushes children in order, so items come out right to left
from typing import Any, Iterator


def flatten(nested: list | tuple) -> Iterator[Any]:
    stack = [nested]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        else:
            yield item
