# Wrong: stops a consumer on None, so a None item ends its thread early and that item is never processed
import queue
import threading
from collections.abc import Callable, Iterable
from typing import Any

_STOP = object()  # the end-of-work sentinel: never equal to an item, unlike None


def process_all(items: Iterable[Any], worker: Callable[[Any], Any], workers: int = 4) -> list[Any]:
    """Run worker(item) for every item on `workers` threads fed by a queue.Queue.

    Returns the results in input order. Every thread has stopped when it
    returns. If worker raised, the error of the first failing item (in input
    order) is raised instead, once every item has been processed.

    The caller produces (index, item) jobs; each consumer thread takes jobs
    until it meets a sentinel, one per thread. O(n) queue operations and O(n)
    memory for the results.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    jobs: queue.Queue[Any] = queue.Queue()
    results: dict[int, Any] = {}
    errors: dict[int, BaseException] = {}

    def consume() -> None:
        while True:
            job = jobs.get()
            if job is None or job[1] is None:
                return
            index, item = job
            try:
                results[index] = worker(item)
            except BaseException as exc:  # keep the thread alive; the caller re-raises it
                errors[index] = exc

    threads = [threading.Thread(target=consume, name=f"consumer-{n}", daemon=True)
               for n in range(workers)]
    for thread in threads:
        thread.start()
    count = 0
    try:
        for item in items:
            jobs.put((count, item))
            count += 1
    finally:  # even if iterating items raised: stop and wait for every thread
        for _ in threads:
            jobs.put(None)
        for thread in threads:
            thread.join()
    if errors:
        raise errors[min(errors)]
    return [results[index] for index in range(count)]
