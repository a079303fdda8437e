"""Turning what the worker said (and did) into an honest verdict.

The parent decides. It knows the suite's tests from the test file, so a
missing, extra or repeated result is an error; so is any early death or
limit. The worker's exit status is only used to name a cause, never to pass.
"""

from __future__ import annotations

import re
import signal

from coach.content.models import Limits
from coach.content.suite import Suite
from coach.grading.events import ERROR, FAIL, PASS, RunState, TestResult

_CANNOT_IMPORT = re.compile(r"cannot import name '([^']+)' from '([^']+)'")


def test_name(node_id: str) -> str:
    """``test_x.py::TestA::test_b[1]`` -> ``TestA::test_b[1]``."""
    return node_id.split("::", 1)[1] if "::" in node_id else node_id


def where(state: RunState) -> str:
    if state.current:
        return f"in {state.current}"
    if state.phase == "import":
        return "while importing the solution"
    if state.phase in ("start", "collect") and not state.results:
        return "while collecting the tests"
    return "after the last test"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def death_cause(state: RunState, returncode: int | None, limits: Limits) -> str:
    """Why the worker stopped before saying it was done."""
    place = where(state)
    if returncode is None:
        return f"the test process stopped answering {place}"
    if returncode < 0:
        number = -returncode
        if number == signal.SIGXCPU:
            return f"CPU time limit ({limits.cpu:g} s) exceeded {place}"
        if number == signal.SIGXFSZ:
            return f"file size limit ({limits.file_size} MiB) exceeded {place}"
        return f"killed by {_signal_name(number)} {place}"
    if state.phase == "import":
        return f"the solution exited during import (exit status {returncode})"
    return f"the solution ended the test process (exit status {returncode}) {place}"


def collect_error_cause(message: str, module: str) -> str:
    match = _CANNOT_IMPORT.search(message)
    if match and match.group(2) == module:
        return f"the solution does not define {match.group(1)}"
    lines = [ln[1:].strip() for ln in message.splitlines() if ln.startswith("E ")]
    detail = lines[-1] if lines else (message.strip().splitlines() or ["unknown error"])[-1]
    return f"the tests could not be collected: {detail}"


def consistency_problem(suite: Suite, names: list[str]) -> str | None:
    """A mismatch between the results and the tests the file holds, if any."""
    seen: set[str] = set()
    counts: dict[str, int] = {}
    for name in names:
        if name in seen:
            return f"a result for {name} arrived twice"
        seen.add(name)
        test = suite.find(name)
        if test is None:
            return f"a result arrived for {name}, which the test file does not hold"
        counts[test.name] = counts.get(test.name, 0) + 1
    for test in suite.tests:
        got = counts.get(test.name, 0)
        if got == 0:
            return f"no result for {test.name}"
        if test.count is not None and got != test.count:
            return f"expected {test.count} results for {test.name}, got {got}"
    return None


def ordered(suite: Suite, results: list[TestResult]) -> list[TestResult]:
    """Results in test-file order (parametrized cases in the order they ran)."""
    index = {test.name: i for i, test in enumerate(suite.tests)}
    arrival = {id(r): i for i, r in enumerate(results)}
    return sorted(results, key=lambda r: (index.get(r.name.split("[", 1)[0], len(index)), arrival[id(r)]))


def decide(state: RunState, suite: Suite, *, module: str, limits: Limits, timed_out: bool,
           cancelled: bool, returncode: int | None) -> tuple[str, str]:
    """The run's status (pass, fail, error) and, for an error, its cause."""
    if cancelled:
        return ERROR, "cancelled"
    if state.special:
        kind, test, details = state.special
        if kind == "memory":
            return ERROR, f"memory limit ({limits.memory} MiB) exceeded in {test}"
        if kind == "file_size":
            return ERROR, f"file size limit ({limits.file_size} MiB) exceeded in {test}"
        if kind == "exit":
            return ERROR, f"the solution called sys.exit({details.get('code')}) in {test}"
        if kind == "interrupted":
            return ERROR, f"{test} did not finish: interrupted by {details.get('by')}"
    if timed_out:
        return ERROR, f"timed out after {limits.time:g} s {where(state)}"
    if state.tampered:
        return ERROR, "a message with the wrong token arrived on the results channel; results discarded"
    if state.import_error:
        return ERROR, state.import_error
    if not state.done:
        return ERROR, death_cause(state, returncode, limits)
    if state.collect_error:
        return ERROR, collect_error_cause(state.collect_error, module)
    problem = consistency_problem(suite, [r.name for r in state.results])
    if problem:
        return ERROR, problem
    if all(r.status == PASS for r in state.results):
        return PASS, ""
    return FAIL, ""


def unfinished(suite: Suite, state: RunState, cause: str) -> list[TestResult]:
    """Rows for tests that never reported, so the user sees what did not run."""
    reported = {r.name.split("[", 1)[0] for r in state.results}
    rows = []
    for test in suite.tests:
        if test.name in reported:
            continue
        if state.current and state.current.split("[", 1)[0] == test.name:
            rows.append(TestResult(state.current, ERROR, message=cause, code=test.code))
        else:
            rows.append(TestResult(test.name, ERROR, message=f"did not run: {cause}", code=test.code))
    return rows


__all__ = ["decide", "ordered", "unfinished", "test_name", "FAIL"]
