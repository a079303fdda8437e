# Wrong: starts one thread per item, so nothing bounds how many run at once
import threading
from collections.abc import Callable, Iterable
from typing import Any


def process_all(items: Iterable[Any], worker: Callable[[Any], Any], workers: int = 4) -> list[Any]:
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    todo = list(items)
    results: list[Any] = [None] * len(todo)
    errors: dict[int, BaseException] = {}

    def run(index: int, item: Any) -> None:
        try:
            results[index] = worker(item)
        except BaseException as exc:
            errors[index] = exc

    threads = [threading.Thread(target=run, args=(i, item)) for i, item in enumerate(todo)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[min(errors)]
    return results
