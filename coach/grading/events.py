"""What a grading run reports: per-test results, the verdict, and the stream of events."""

from __future__ import annotations

from dataclasses import dataclass, field

PASS, FAIL, ERROR, SKIP = "pass", "fail", "error", "skip"


@dataclass(frozen=True, slots=True)
class TestResult:
    __test__ = False  # not a pytest test class

    name: str  # as in a pytest node id without the file: "test_x", "TestA::test_b[2]"
    status: str  # pass, fail, error or skip
    ms: float = 0.0
    message: str = ""  # the assertion or error, one short paragraph
    details: str = ""  # the short traceback
    output: str = ""  # what the test printed (capped)
    code: str = ""  # the test's source


@dataclass(frozen=True, slots=True)
class RunResult:
    status: str  # pass, fail or error
    message: str = ""  # why, for error
    tests: tuple[TestResult, ...] = ()
    ms: float = 0.0  # wall time of the whole run
    output: str = ""  # raw output on the process's stdout and stderr (capped)
    cancelled: bool = False

    @property
    def passed(self) -> int:
        return sum(1 for t in self.tests if t.status == PASS)

    @property
    def failed(self) -> int:
        return len(self.tests) - self.passed

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.status != PASS), None)


@dataclass(frozen=True, slots=True)
class RunStarted:
    tests: tuple[str, ...]  # the suite's tests, as read from its file


@dataclass(frozen=True, slots=True)
class TestsCollected:
    __test__ = False  # not a pytest test class

    names: tuple[str, ...]  # every test item, parametrized cases included


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
    """What the parent has learnt from the worker so far."""

    phase: str = "start"
    current: str | None = None  # a test that started and has not finished
    collected: list[str] = field(default_factory=list)
    results: list[TestResult] = field(default_factory=list)
    raw_results: list[tuple[str, dict]] = field(default_factory=list)
    import_error: str | None = None
    collect_error: str | None = None
    special: tuple[str, str, dict] | None = None  # (kind, test, details)
    tampered: bool = False
    done: bool = False
    output: list[str] = field(default_factory=list)
