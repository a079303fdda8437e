"""The pytest plugin inside the grading worker: per-test events to the parent.

Events travel on a pipe of their own (never the solution's stdout), one JSON
object per line, each carrying the run's token. Only the worker process
itself reports: a child the solution forked stays silent. Subtests (unittest
``subTest`` and the ``subtests`` fixture) are read from pytest 9's own
subtest reports, one result each.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import time
import unittest
from collections.abc import Callable
from time import perf_counter
from typing import Any

import pytest

from coach.grading import protocol
from coach.grading.capture import Capture
from coach.grading.fixtures import TestTimeout, timeout_of
from coach.grading.plan import plan_message

MESSAGE_CAP = 2000
DETAILS_CAP = 6000
_FRAMEWORK = (os.sep + "_pytest" + os.sep, os.sep + "pluggy" + os.sep, os.sep + "unittest" + os.sep)


class Channel:
    """Messages to the parent. A test's result waits for the next message (the next test's
    start, or done), so the two travel in one write: each write wakes the parent, and on a
    busy machine a wake-up costs the worker its turn on the CPU."""

    def __init__(self, fd: int, token: str) -> None:
        self.fd = fd
        self.token = token
        self.pid = os.getpid()
        self.held = b""

    def send(self, message: protocol.Message, *, hold: bool = False) -> None:
        if os.getpid() != self.pid:
            return
        # t: CLOCK_MONOTONIC, comparable with the parent's perf_counter on Linux
        data = self.held + protocol.encode(self.token, message, perf_counter())
        if hold:
            self.held = data
            return
        self.held = b""
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except InterruptedError:
                continue
            view = view[written:]


_VERBOSITY_HINT = re.compile(r"^.*(Use -v to get more diff|use -vv to show|Full diff:.*-vv).*\n?",
                             re.MULTILINE | re.IGNORECASE)


def _tidy(text: str) -> str:
    """pytest's hints about -v flags mean nothing to someone pressing ctrl+r."""
    return _VERBOSITY_HINT.sub("", text).rstrip()


def cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n[... {len(text) - limit} more characters cut]"


def raise_site(tb: Any) -> str | None:
    """The innermost frame outside the test framework: where a skip or xfail came from."""
    found = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not any(part in name for part in _FRAMEWORK):
            found = f"{os.path.realpath(name)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _def_line(item: pytest.Item) -> int:
    code = getattr(getattr(item, "obj", None), "__code__", None)
    return code.co_firstlineno if code is not None else 0


_SKIPS = (pytest.skip.Exception, pytest.xfail.Exception, unittest.SkipTest)


class Reporter:
    """Streams the plan, collection and per-test results; see coach.grading.protocol."""

    def __init__(self, channel: Channel, output_cap: int, quiet_stdout: Any) -> None:
        self.channel = channel
        self.output_cap = output_cap
        self.quiet = quiet_stdout
        self.muted = False  # while planning: the collection is not the run's
        self.only: set[str] | None = None
        self.test_files: frozenset[str] = frozenset()
        self.check_integrity: Callable[..., str | None] = lambda full=True: None  # see coach.grading.integrity
        self.tamper_reported = False
        self.after_collect_error: Callable[[], None] | None = None
        self.collect_failed = False
        self.reports: list[Any] = []
        self.special: protocol.Special | None = None
        self.cheat: str | None = None  # the solution skipped or xfailed the test itself
        self.subtests = 0
        self.failed_subtests = 0
        self.capture: Capture | None = None
        self._sub_clock = 0.0
        self._sub_mark = 0
        self._watch_unittest_skips()

    # -- where skips come from ---------------------------------------------------
    def _watch_unittest_skips(self) -> None:
        """A unittest skip reaches pytest as a reason only; note where it was raised."""
        from _pytest.unittest import TestCaseFunction

        original = TestCaseFunction.addSkip
        reporter = self

        def addSkip(item: Any, testcase: Any, reason: str, *args: Any, **kwargs: Any) -> Any:
            exc = sys.exc_info()[1]
            if exc is not None:
                reporter._judge_skip(exc.__traceback__, "unittest.SkipTest")
            return original(item, testcase, reason, *args, **kwargs)

        TestCaseFunction.addSkip = addSkip  # type: ignore[method-assign,assignment]

    def _judge_skip(self, tb: Any, what: str) -> None:
        site = raise_site(tb)
        file = site.rsplit(":", 1)[0] if site else None
        if file not in self.test_files and self.cheat is None:
            where = f" in {os.path.basename(site)}" if site else ""
            self.cheat = (f"the solution called {what}{where}: a test the solution skips or marks "
                          "as an expected failure is not a pass")

    # -- collection ----------------------------------------------------------
    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed and not self.muted:
            self.collect_failed = True
            self.channel.send({"ev": "collect_error", "message": cap(str(report.longreprtext), DETAILS_CAP)})

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        # definition order (unittest lists a class's methods alphabetically), as
        # Exercism's runner orders them; a stable sort keeps parametrized cases in order
        items.sort(key=_def_line)
        if self.only is not None and not self.muted:
            items[:] = [item for item in items if item.nodeid in self.only]

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        if not self.muted:
            listed = plan_message(session.items)
            self.channel.send({"ev": "collected", "ids": listed["ids"], "tasks": listed["tasks"],
                               "limits": listed["limits"]})

    # -- running -------------------------------------------------------------
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: Any):
        self.reports = []
        self.special = None
        self.cheat = None
        self.subtests = self.failed_subtests = 0
        self.capture = out = Capture(self.output_cap)
        self.channel.send({"ev": "start", "id": item.nodeid, "limit": timeout_of(item)})
        sys.stdout, sys.stderr = out.stdout, out.stderr
        start = self._sub_clock = perf_counter()
        self._sub_mark = 0
        interrupted: BaseException | None = None
        try:
            return (yield)
        except BaseException as exc:  # KeyboardInterrupt, pytest.exit(), an internal error
            interrupted = exc
            raise
        finally:
            elapsed = perf_counter() - start
            sys.stdout = sys.stderr = self.quiet
            self._finish(item, elapsed, out, interrupted)

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
                self.special = {"kind": "exit", "code": repr(getattr(excinfo.value, "code", None))}
            if self.special is not None:
                # The run is an error whatever follows; don't spend the clock on it.
                item.session.shouldstop = f"stopped: {self.special['kind']}"
            elif excinfo.errisinstance(TestTimeout):
                report.longrepr = str(excinfo.value)
            elif excinfo.errisinstance(_SKIPS) and call.when == "call":
                what = {"Skipped": "pytest.skip()", "XFailed": "pytest.xfail()"}.get(
                    type(excinfo.value).__name__, type(excinfo.value).__name__)
                self._judge_skip(excinfo.tb, what)
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        context = getattr(report, "context", None)
        if context is None:
            self.reports.append(report)
            return
        self._subtest(report, context)

    def _subtest(self, report: Any, context: Any) -> None:
        """One subtest's result, with the output and time since the previous one."""
        now = perf_counter()
        parts = [context.msg] if isinstance(context.msg, str) else []
        parts += [f"{k}={v}" for k, v in (context.kwargs or {}).items()]
        label = ", ".join(parts) or "subtest"
        self.subtests += 1
        outcome: protocol.Outcome = "passed"
        message = details = ""
        if report.failed:
            self.failed_subtests += 1
            crash = getattr(report.longrepr, "reprcrash", None)
            outcome = "failed"
            message = _tidy(crash.message if crash is not None else str(report.longrepr))
            details = _tidy(str(report.longreprtext))
        elif report.skipped:
            outcome = "skipped"
        out = self.capture
        output = stdout = ""
        if out is not None:
            output, stdout = out.since(self._sub_mark)
            self._sub_mark = out.mark()
        self.channel.send({
            "ev": "result", "id": f"{report.nodeid}[{label}]", "outcome": outcome,
            "ms": round((now - self._sub_clock) * 1000, 2), "message": cap(message, MESSAGE_CAP),
            "details": cap(details, DETAILS_CAP), "output": output, "stdout": stdout, "special": None,
            "parent": report.nodeid, "variation": context.msg if isinstance(context.msg, str) else None,
        }, hold=True)
        self._sub_clock = now

    def _outcome(self, interrupted: BaseException | None) -> tuple[protocol.Outcome, str, str]:
        ran = {report.when for report in self.reports}
        if interrupted is not None or ("call" not in ran and all(r.passed for r in self.reports)):
            # No verdict for this test was ever reached: never call that a pass.
            kind = type(interrupted).__name__ if interrupted is not None else "an unknown cause"
            if self.special is None:
                self.special = {"kind": "interrupted", "by": kind}
            return "error", f"the test did not finish: it was interrupted by {kind}", ""
        if self.cheat is not None:
            return "error", self.cheat, ""
        for report in self.reports:
            if report.passed:
                continue
            if report.skipped:
                longrepr = report.longrepr
                reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
                if hasattr(report, "wasxfail"):
                    reason = f"expected to fail: {report.wasxfail or reason}"
                return "skipped", reason, ""
            crash = getattr(report.longrepr, "reprcrash", None)
            message = _tidy(crash.message if crash is not None else str(report.longrepr))
            details = _tidy(str(report.longreprtext))
            if isinstance(report.longrepr, str) and "this test's time limit" in report.longrepr:
                return "error", message, ""  # the message names the limit and the line: nothing to add
            return ("failed" if report.when == "call" else "error"), message, details
        return "passed", "", ""

    def _finish(self, item: pytest.Item, elapsed: float, out: Capture,
                interrupted: BaseException | None = None) -> None:
        outcome, message, details = self._outcome(interrupted)
        tampered = self.check_integrity(full=False)
        if tampered and self.special is None:
            self.tamper_reported = True
            self.special = {"kind": "tamper", "what": tampered}
            outcome, message, details = "error", f"the solution changed the test framework: {tampered}", ""
            item.session.shouldstop = "stopped: tamper"
        if self.failed_subtests and outcome == "passed":
            outcome = "failed"
            message = f"{self.failed_subtests} of {self.subtests} subtests failed; each is listed with its details"
        output, stdout = out.since(0)
        self.channel.send({
            "ev": "result", "id": item.nodeid, "outcome": outcome, "ms": round(elapsed * 1000, 2),
            "message": cap(message, MESSAGE_CAP), "details": cap(details, DETAILS_CAP),
            "output": output, "stdout": stdout, "special": self.special, "parent": None, "variation": None,
        }, hold=self.special is None)  # a special ending (memory, exit, tamper) is said at once

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.muted:
            return
        if self.collect_failed and self.after_collect_error is not None:
            self.after_collect_error()
        if not self.tamper_reported:  # the whole framework, once: after each test only a part was compared
            tampered = final_check(full=True)
            if tampered:
                self.channel.send({"ev": "tamper", "what": tampered})
        self.channel.send({"ev": "done"})
        linger()


def final_check(*, full: bool = True) -> str | None:
    """Set by the worker to its snapshot's compare (see coach.grading.integrity)."""
    return None


def linger() -> None:
    """Wait to be killed. Exiting would orphan the solution's processes that left the
    group or session; while this process lives (their subreaper) the parent finds
    and kills them all. A bound in case the parent is gone."""
    time.sleep(30)
    os._exit(0)
