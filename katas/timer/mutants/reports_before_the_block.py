# Wrong: timed() sets elapsed in a plain function before the block has run, not as a context manager around it
import time
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Callable, Iterator


class Timer:
    """Time a `with` block: `with Timer() as t: ...`, then read `t.elapsed`.

    time.perf_counter() is the right clock for durations: monotonic (it never
    jumps with NTP or a user changing the time) and of the highest resolution
    available. `elapsed` is None until the block ends, then the duration in
    seconds, also when the block raised. O(1); a Timer can be reused.
    """

    def __init__(self) -> None:
        self.elapsed: float | None = None
        self._start = 0.0

    def __enter__(self) -> "Timer":
        self.elapsed = None
        self._start = time.perf_counter()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.elapsed = time.perf_counter() - self._start
        # Returning None (falsy) lets an exception from the block propagate.


@dataclass
class Timing:
    """What timed() yields: `elapsed` is filled in when the block ends."""

    elapsed: float | None = None


@contextmanager
def timed(report: Callable[[float], Any] | None = None) -> Iterator[Timing]:
    """Time a `with` block: `with timed() as t: ...`, then read `t.elapsed`.

    If `report` is given, it is called with the elapsed seconds when the
    block ends. The try/finally is what makes both happen when the block
    raises: contextmanager throws the exception in at the `yield`.
    """
    timing = Timing()
    start = time.perf_counter()
    timing.elapsed = time.perf_counter() - start
    if report is not None:
        report(timing.elapsed)
    yield timing
