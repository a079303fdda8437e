import queue
import threading
from collections.abc import Callable, Iterable
from typing import Any


def process_all(items: Iterable[Any], worker: Callable[[Any], Any], workers: int = 4) -> list[Any]:
    """Run worker(item) for every item on `workers` threads fed by a queue.Queue.

    Returns the results in input order. Every thread has stopped when it
    returns. If worker raised, the error of the first failing item (in input
    order) is raised instead, once every item has been processed.

    >>> process_all([1, 2, 3], lambda x: x * 10, workers=2)
    [10, 20, 30]
    """
    raise NotImplementedError("write process_all")
