"""What a grading run reports: per-test results, the verdict, and the stream of events.

Consumers ``match`` on :data:`Event`; statuses are :class:`Status` values
(a ``StrEnum``, so they also compare equal to ``"pass"``, ``"fail"``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"
    SKIP = "skip"


PASS, FAIL, ERROR, SKIP = Status.PASS, Status.FAIL, Status.ERROR, Status.SKIP
_WORDS = ((PASS, "passed", "passed"), (FAIL, "failed", "failed"), (ERROR, "error", "errors"),
          (SKIP, "skipped", "skipped"))


@dataclass(frozen=True, slots=True)
class TestResult:
    __test__ = False  # not a pytest test class

    name: str  # as in a pytest node id without the file: "test_x", "TestA::test_b[2]"
    status: Status
    ms: float = 0.0
    message: str = ""  # the assertion or error, one short paragraph
    details: str = ""  # the focused traceback
    output: str = ""  # what the test printed (capped)
    code: str = ""  # the test's source
    task_id: int = 0  # from @pytest.mark.task(taskno=N); 0 when absent
    parent: str | None = None  # for a subtest: the name of the test it belongs to
    variation: str | None = None  # for a subtest: its message ("variation #1"), if any
    stdout: str = ""  # the part of ``output`` written to stdout (Exercism shows only that)


@dataclass(frozen=True, slots=True)
class RunResult:
    status: Status  # pass, fail or error
    message: str = ""  # why, for error
    tests: tuple[TestResult, ...] = ()
    ms: float = 0.0  # wall time of the whole run
    output: str = ""  # raw output on the process's stdout and stderr (capped)
    cancelled: bool = False
    import_error: bool = False  # the solution could not be imported: every test errored for that

    def count(self, status: Status) -> int:
        return sum(1 for t in self.tests if t.status == status)

    @property
    def passed(self) -> int:
        return self.count(PASS)

    @property
    def failed(self) -> int:
        return self.count(FAIL)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def skipped(self) -> int:
        return self.count(SKIP)

    @property
    def summary(self) -> str:
        """"10 passed, 1 error": every outcome counted, in those words (passed always)."""
        parts = []
        for status, one, many in _WORDS:
            n = self.count(status)
            if n or status == PASS:
                parts.append(f"{n} {one if n == 1 else many}")
        return ", ".join(parts)

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.status in (FAIL, ERROR)), None)

    @property
    def task_ids(self) -> tuple[int, ...]:
        """The tasks of a concept exercise, in order (empty when the suite has none)."""
        return tuple(sorted({t.task_id for t in self.tests if t.task_id}))


@dataclass(frozen=True, slots=True)
class RunStarted:
    tests: tuple[str, ...]  # the suite's tests, as read from its file


@dataclass(frozen=True, slots=True)
class TestsCollected:
    """The full list of tests, parametrized cases included, known before the solution runs."""

    __test__ = False  # not a pytest test class

    names: tuple[str, ...]
    tasks: dict[str, int] = field(default_factory=dict)  # name -> task number (concept exercises)


@dataclass(frozen=True, slots=True)
class TestStarted:
    __test__ = False  # not a pytest test class

    name: str


@dataclass(frozen=True, slots=True)
class TestFinished:
    __test__ = False  # not a pytest test class

    result: TestResult


@dataclass(frozen=True, slots=True)
class RunFinished:
    result: RunResult


Event = RunStarted | TestsCollected | TestStarted | TestFinished | RunFinished


@dataclass
class RunState:
    """What the parent has learnt from the workers so far."""

    phase: str = "start"
    planned: list[str] = field(default_factory=list)  # node-id names, before the solution ran
    tasks: dict[str, int] = field(default_factory=dict)  # name -> task id
    limits: dict[str, float] = field(default_factory=dict)  # name -> per-test seconds
    current: str | None = None  # a test that started and has not finished
    started_at: float = 0.0  # perf_counter when ``current`` started
    results: list[TestResult] = field(default_factory=list)
    import_error: str | None = None
    collect_error: str | None = None
    special: tuple[str, str, dict] | None = None  # (kind, test, details), this worker's
    causes: list[str] = field(default_factory=list)  # limits hit, crashes, tampering: the run is an error
    tampered: bool = False
    done: bool = False
    output: list[str] = field(default_factory=list)


def with_source(where: str, line: str, limit: int = 80) -> str:
    """``two_sum.py:3 in two_sum`` and the line's text: ``...: while True:``."""
    text = line.strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{where}: {text}" if text else where
