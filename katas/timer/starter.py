import time
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Callable, Iterator


class Timer:
    """Time a `with` block: `with Timer() as t: ...`, then read `t.elapsed`.

    `elapsed` is None until the block ends, then the duration in seconds
    measured with time.perf_counter(), also when the block raises.
    """

    def __init__(self) -> None:
        self.elapsed: float | None = None

    def __enter__(self) -> "Timer":
        raise NotImplementedError("write __enter__")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        raise NotImplementedError("write __exit__")


@dataclass
class Timing:
    """What timed() yields: `elapsed` is filled in when the block ends."""

    elapsed: float | None = None


@contextmanager
def timed(report: Callable[[float], Any] | None = None) -> Iterator[Timing]:
    """Time a `with` block: `with timed() as t: ...`, then read `t.elapsed`.

    If `report` is given, call it with the elapsed seconds when the block
    ends. Write this one as a generator: set up, `yield`, clean up.
    """
    raise NotImplementedError("write timed()")
