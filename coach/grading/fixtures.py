"""Fixtures coach offers every kata suite (loaded with ``-p coach.grading.fixtures``).

``clock``: a fake clock for time-dependent katas. It moves only when the
test says so, and is what the solution sees whether it calls ``time.time()``,
``time.monotonic()``, ``time.perf_counter()`` (and their ``_ns`` forms) or
imported one of them by name (``from time import time``). ``time.sleep``
advances it instantly. As on a real machine, the wall clock (``time.time``)
reads a realistic epoch (2026-01-01T00:00:00Z) while the monotonic clocks
start near zero, as they do after a boot: a solution that starts its "last
call" at 0 works with ``time.time()`` and fails with ``time.monotonic()``,
as it would in production.

``@pytest.mark.timeout(seconds)``: a time limit for one test, overriding the
kata's per-test limit (``limits.test`` in kata.yaml, 3 s unless it says
otherwise). A test that runs longer is an error naming the limit and the last
line that ran, and the other tests still run (Unix only: it uses SIGALRM; the
grader also kills a worker stuck where no signal can reach).

To run a kata's suite by hand: ``pytest -p coach.grading.fixtures``.
"""

from __future__ import annotations

import linecache
import os
import signal
import sys
import time as _time
from pathlib import Path
from typing import Any

import pytest

from coach.grading.events import with_source

EPOCH = 1_767_225_600.0  # 2026-01-01T00:00:00Z: where time.time() starts
MONOTONIC_START = 0.25  # where time.monotonic() and perf_counter() start: a machine just booted

_REAL = {
    "time": _time.time,
    "monotonic": _time.monotonic,
    "perf_counter": _time.perf_counter,
    "time_ns": _time.time_ns,
    "monotonic_ns": _time.monotonic_ns,
    "perf_counter_ns": _time.perf_counter_ns,
    "sleep": _time.sleep,
}


class FakeClock:
    """A clock that only moves when told: ``clock.advance(0.5)``.

    ``now`` is the wall-clock reading (``time.time()``); the monotonic clocks
    read ``monotonic_start`` plus the time elapsed since ``start``.
    """

    def __init__(self, start: float = EPOCH, monotonic_start: float = MONOTONIC_START) -> None:
        self.now = float(start)
        self._offset = float(monotonic_start) - self.now
        self.sleeps: list[float] = []

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock never runs backwards")
        self.now += seconds
        return self.now

    def set(self, when: float) -> None:
        self.now = float(when)

    # the functions solutions call
    def time(self) -> float:
        return self.now

    def time_ns(self) -> int:
        return round(self.now * 1e9)

    def monotonic(self) -> float:
        return self.now + self._offset

    def monotonic_ns(self) -> int:
        return round(self.monotonic() * 1e9)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(max(0.0, seconds))

    def fakes(self) -> dict[str, object]:
        return {
            "time": self.time, "monotonic": self.monotonic, "perf_counter": self.monotonic,
            "time_ns": self.time_ns, "monotonic_ns": self.monotonic_ns, "perf_counter_ns": self.monotonic_ns,
            "sleep": self.sleep,
        }


def _local_modules(root: Path) -> list[object]:
    """Modules loaded from the suite's folder: the solution and its helpers, not the suite.

    A string comparison, not Path.resolve(): this runs for every test that
    uses the clock, over every module pytest has imported.
    """
    prefixes = tuple({str(root) + os.sep, os.path.realpath(root) + os.sep})
    found: list[object] = []
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.startswith(prefixes):
            name = os.path.basename(file)
            if name.startswith("test_") or name == "conftest.py":
                continue  # the suite's own `from time import sleep as real_sleep` stays real
            found.append(module)
    return found


@pytest.fixture
def clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    fakes = fake.fakes()
    for name, replacement in fakes.items():
        monkeypatch.setattr(_time, name, replacement)
    by_identity = {id(real): fakes[name] for name, real in _REAL.items()}
    root = Path(str(request.config.rootpath))
    for module in _local_modules(root):
        for attr, value in list(vars(module).items()):
            # _REAL keeps the originals alive, so an id match is the same object
            replacement = by_identity.get(id(value))
            if replacement is not None:
                monkeypatch.setattr(module, attr, replacement)
    return fake


class Settings:
    """Set by the grading worker for its run (an object, so the module itself stays as it was)."""

    default_timeout = 0.0  # seconds per test when its marker says nothing


SETTINGS = Settings()


def timeout_of(item: pytest.Item) -> float:
    """This test's time limit in seconds (0: none)."""
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        try:
            seconds = float(marker.args[0])
        except (TypeError, ValueError):
            return SETTINGS.default_timeout
        if seconds > 0:
            return seconds
    return SETTINGS.default_timeout


class TestTimeout(BaseException):
    """Raised by the per-test alarm; a BaseException so ``except Exception`` can't eat it."""

    __test__ = False


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "timeout(seconds): an error if the test runs longer than this")
    config.addinivalue_line("markers", "task(taskno): the task of a concept exercise this test checks")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    seconds = timeout_of(item)
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        return (yield)

    def alarm(signum: int, frame: Any) -> None:
        raise TestTimeout(f"took longer than {seconds:g} s, this test's time limit")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return (yield)
    except TestTimeout as exc:
        # The alarm lands where Python checks for signals, often a loop's jump
        # back, which has no line number; pytest cannot format a traceback
        # through it. Raise afresh from here, naming the last line that ran.
        where = _last_line(exc.__traceback__)
        raise TestTimeout(f"{exc}; it was running {where}" if where else str(exc)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _last_line(tb: Any) -> str:
    """The innermost "file:line in function" of a traceback that has a line number."""
    found = ""
    while tb is not None:
        code = tb.tb_frame.f_code
        if tb.tb_lineno is not None and "_pytest" not in code.co_filename and "pluggy" not in code.co_filename \
                and code.co_filename != __file__:
            found = with_source(f"{os.path.basename(code.co_filename)}:{tb.tb_lineno} in {code.co_name}",
                                linecache.getline(code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return found

