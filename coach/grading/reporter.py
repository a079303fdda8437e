"""The pytest plugin inside the grading worker: per-test events to the parent.

Events travel on a pipe of their own (never the solution's stdout), one JSON
object per line, each carrying the run's token. Only the worker process
itself reports: a child the solution forked stays silent.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sys
import traceback
from time import perf_counter
from typing import Any

import pytest

from coach.grading.capture import CappedText
from coach.grading.fixtures import TestTimeout

MESSAGE_CAP = 2000
DETAILS_CAP = 6000


class Channel:
    def __init__(self, fd: int, token: str) -> None:
        self.fd = fd
        self.token = token
        self.pid = os.getpid()

    def send(self, ev: str, **fields: Any) -> None:
        if os.getpid() != self.pid:
            return
        # t: CLOCK_MONOTONIC, comparable with the parent's perf_counter on Linux
        data = (json.dumps({"k": self.token, "ev": ev, "t": perf_counter(), **fields}) + "\n").encode()
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except InterruptedError:
                continue
            view = view[written:]


_VERBOSITY_HINT = re.compile(r"^.*(Use -v to get more diff|use -vv to show|Full diff:.*-vv).*\n?", re.M | re.I)


def _tidy(text: str) -> str:
    """pytest's hints about -v flags mean nothing to someone pressing ctrl+r."""
    return _VERBOSITY_HINT.sub("", text).rstrip()


def _cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n[... {len(text) - limit} more characters]"


class Reporter:
    """Streams collection and per-test results; see coach.grading.events."""

    def __init__(self, channel: Channel, output_cap: int, quiet_stdout: Any) -> None:
        self.channel = channel
        self.output_cap = output_cap
        self.quiet = quiet_stdout
        self.reports: list[Any] = []
        self.special: dict[str, Any] | None = None
        self.subtests: list[dict[str, Any]] = []
        self._sub_clock = 0.0
        self._install_subtests()

    # -- unittest subTest ------------------------------------------------------
    def _install_subtests(self) -> None:
        """Report each unittest ``subTest`` as a result of its own (pytest 8 has no support)."""
        from _pytest import unittest as pytest_unittest

        case = pytest_unittest.TestCaseFunction
        if hasattr(case, "addSubTest"):
            return
        reporter = self

        def addSubTest(item: Any, testcase: Any, test: Any, exc_info: Any) -> None:
            reporter._subtest(item, test, exc_info)
            if exc_info is not None:  # the test as a whole fails too
                if issubclass(exc_info[0], testcase.failureException):
                    item.addFailure(testcase, exc_info)
                else:
                    item.addError(testcase, exc_info)

        case.addSubTest = addSubTest

    def _subtest(self, item: Any, test: Any, exc_info: Any) -> None:
        now = perf_counter()
        parts = []
        message = getattr(test, "_message", None)
        if isinstance(message, str):
            parts.append(message)
        parts += [f"{k}={v!r}" for k, v in (getattr(test, "params", None) or {}).items()]
        label = ", ".join(parts) or "subtest"
        taken = {sub["label"] for sub in self.subtests}
        n = 2
        while label in taken:
            label = f"{label} #{n}"
            n += 1
        entry = {"label": label, "outcome": "passed", "message": "", "details": "",
                 "ms": round((now - self._sub_clock) * 1000, 2)}
        self._sub_clock = now
        if exc_info is not None:
            failed = issubclass(exc_info[0], test.test_case.failureException)
            entry["outcome"] = "failed" if failed else "error"
            entry["message"] = "".join(traceback.format_exception_only(exc_info[0], exc_info[1])).strip()
            try:
                excinfo = pytest.ExceptionInfo.from_exc_info(exc_info)
                entry["details"] = str(item.repr_failure(excinfo))
            except Exception:
                entry["details"] = "".join(traceback.format_exception(*exc_info))
        self.subtests.append(entry)

    # -- collection --------------------------------------------------------
    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.channel.send("collect_error", message=_cap(str(report.longreprtext), DETAILS_CAP))

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.channel.send("collected", ids=[item.nodeid for item in session.items])

    # -- running -------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: Any):
        self.reports = []
        self.special = None
        self.subtests = []
        out = CappedText(self.output_cap)
        self.channel.send("start", id=item.nodeid)
        sys.stdout = sys.stderr = out
        start = self._sub_clock = perf_counter()
        interrupted: BaseException | None = None
        try:
            return (yield)
        except BaseException as exc:  # KeyboardInterrupt, pytest.exit(), an internal error
            interrupted = exc
            raise
        finally:
            elapsed = perf_counter() - start
            sys.stdout = sys.stderr = self.quiet
            self._finish(item, elapsed, out.getvalue(), interrupted)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = yield
        excinfo = call.excinfo
        if excinfo is not None and self.special is None:
            if excinfo.errisinstance(MemoryError):
                self.special = {"kind": "memory"}
            elif excinfo.errisinstance(OSError) and getattr(excinfo.value, "errno", None) == errno.EFBIG:
                self.special = {"kind": "file_size"}
            elif excinfo.errisinstance(SystemExit):
                self.special = {"kind": "exit", "code": repr(excinfo.value.code)}
            if self.special is not None:
                # The run is an error whatever follows; don't spend the clock on it.
                item.session.shouldstop = f"stopped: {self.special['kind']}"
            elif excinfo.errisinstance(TestTimeout):
                report.longrepr = str(excinfo.value)
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.reports.append(report)

    def _finish(self, item: pytest.Item, elapsed: float, output: str,
                interrupted: BaseException | None = None) -> None:
        outcome, message, details = "passed", "", ""
        ran = {report.when for report in self.reports}
        unfinished = "call" not in ran and all(r.passed for r in self.reports)
        if interrupted is not None or unfinished:
            # No verdict for this test was ever reached: never call that a pass.
            kind = type(interrupted).__name__ if interrupted is not None else "an unknown cause"
            outcome, message = "error", f"the test did not finish: it was interrupted by {kind}"
            if self.special is None:
                self.special = {"kind": "interrupted", "by": kind}
            self.reports = [r for r in self.reports if not r.passed]
        for report in self.reports:
            if report.passed:
                continue
            if report.skipped:
                if hasattr(report, "wasxfail"):
                    outcome = "passed"  # an expected failure, as marked
                    continue
                outcome = "skipped"
                longrepr = report.longrepr
                message = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
                break
            outcome = "failed" if report.when == "call" else "error"
            crash = getattr(report.longrepr, "reprcrash", None)
            message = _tidy(crash.message if crash is not None else str(report.longrepr))
            details = _tidy(str(report.longreprtext))
            break
        if self.subtests:
            for sub in self.subtests:
                self.channel.send("result", id=f"{item.nodeid}[{sub['label']}]", outcome=sub["outcome"],
                                  ms=sub["ms"], message=_cap(sub["message"], MESSAGE_CAP),
                                  details=_cap(sub["details"], DETAILS_CAP), output=output, special=None)
            if outcome == "passed" or any(sub["outcome"] != "passed" for sub in self.subtests):
                return  # the subtests tell the whole story
        self.channel.send(
            "result", id=item.nodeid, outcome=outcome, ms=round(elapsed * 1000, 2),
            message=_cap(message, MESSAGE_CAP), details=_cap(details, DETAILS_CAP),
            output=output, special=self.special,
        )

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.channel.send("done")
        # Nothing left to do: the parent kills the process group at once.
        os._exit(0)
