"""Turning what the workers said (and did) into an honest verdict.

The parent decides. The tests to expect were listed before the solution ran
(the plan); a missing, extra or repeated result is an error, so is any early
death or limit. Every planned test gets exactly one row: passed, failed,
errored or skipped. The worker's exit status only names a cause, never passes.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path

from coach.content.models import Limits
from coach.content.suite import Suite
from coach.grading.events import ERROR, FAIL, PASS, SKIP, RunState, Status, TestResult, with_source

_CANNOT_IMPORT = re.compile(r"cannot import name '([^']+)' from '([^']+)'")
_TRACE_LINE = re.compile(r'^\s*File "([^"]+)", line (\d+) in (\S+)', re.MULTILINE)


def test_name(node_id: str, main_file: str = "") -> str:
    """``test_x.py::TestA::test_b[1]`` -> ``TestA::test_b[1]``; another file's tests keep its name."""
    if "::" not in node_id:
        return node_id
    file, rest = node_id.split("::", 1)
    return rest if not main_file or file == main_file else node_id


def base_name(name: str) -> str:
    """A test's name without its parameters: ``test_x[1]`` -> ``test_x``."""
    return name.split("[", 1)[0]


def last_line(trace: str, suite_dir: Path) -> str:
    """The innermost line of the run's own files in a faulthandler dump (most recent call first)."""
    folder = str(suite_dir)
    for match in _TRACE_LINE.finditer(trace):
        file, line, func = match.groups()
        if file.startswith(folder) or "/" not in file:
            return with_source(f"{Path(file).name}:{line} in {func}", _source_line(Path(file), int(line)))
    return ""


def _source_line(path: Path, number: int) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return lines[number - 1] if 0 < number <= len(lines) else ""


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


def special_cause(special: tuple[str, str, dict], limits: Limits) -> str:
    kind, test, details = special
    if kind == "memory":
        return f"memory limit ({limits.memory} MiB) exceeded in {test}"
    if kind == "file_size":
        return f"file size limit ({limits.file_size} MiB) exceeded in {test}"
    if kind == "exit":
        return f"the solution called sys.exit({details.get('code')}) in {test}"
    if kind == "interrupted":
        return f"{test} did not finish: interrupted by {details.get('by')}"
    if kind == "tamper":
        return f"the solution changed the test framework in {test}: {details.get('what')}"
    return f"{test}: {kind}"


def collect_error_cause(message: str, module: str) -> str:
    match = _CANNOT_IMPORT.search(message)
    if match and match.group(2) == module:
        return f"the solution does not define {match.group(1)}"
    lines = [ln[1:].strip() for ln in message.splitlines() if ln.startswith("E ")]
    detail = lines[-1] if lines else (message.strip().splitlines() or ["unknown error"])[-1]
    return f"the tests could not be collected: {detail}"


def remaining(state: RunState) -> list[str]:
    """Planned tests with no result yet, as node-id names."""
    done = {r.name for r in state.results if r.parent is None}
    return [name for name in state.planned if name not in done]


def _expected(state: RunState, suite: Suite) -> list[str]:
    if state.planned:
        return state.planned
    return [t.name for t in suite.tests]


def _count_problem(suite: Suite, expected: list[str]) -> str | None:
    """The tests listed must agree with the test file where it says how many there are."""
    counts: dict[str, int] = {}
    for name in expected:
        counts[base_name(name)] = counts.get(base_name(name), 0) + 1
    for test in suite.tests:
        got = counts.get(test.name, 0)
        if got == 0:
            return f"no result for {test.name}"
        if test.count is not None and got != test.count:
            return f"expected {test.count} results for {test.name}, got {got}"
    return None


def _problem(state: RunState, suite: Suite, expected: list[str]) -> str | None:
    if state.planned:
        problem = _count_problem(suite, expected)
        if problem:
            return problem
    planned = set(expected)
    seen: set[str] = set()
    for result in state.results:
        if result.parent is not None:
            if result.parent not in planned:
                return f"a result arrived for {result.name}, which the suite does not hold"
            continue
        if result.name in seen:
            return f"a result for {result.name} arrived twice"
        seen.add(result.name)
        if result.name not in planned:
            return f"a result arrived for {result.name}, which the suite does not hold"
    return None


def _row(suite: Suite, state: RunState, name: str, message: str) -> TestResult:
    test = suite.find(name)
    return TestResult(name, ERROR, message=message, code=test.code if test else "",
                      task_id=state.tasks.get(name, 0))


def rows(state: RunState, suite: Suite, expected: list[str], cause: str) -> list[TestResult]:
    """One row per expected test (its subtests just before it), in the suite's order."""
    by_name = {r.name: r for r in state.results if r.parent is None}
    subs: dict[str, list[TestResult]] = {}
    for r in state.results:
        if r.parent is not None:
            subs.setdefault(r.parent, []).append(r)
    out: list[TestResult] = []
    for name in expected:
        out += subs.get(name, [])
        result = by_name.get(name)
        out.append(result if result is not None else _row(suite, state, name, f"did not run: {cause}"))
    return out


def decide(state: RunState, suite: Suite, *, main_file: str, module: str, limits: Limits,
           timed_out: bool, cancelled: bool, returncode: int | None) -> tuple[Status, str, list[TestResult]]:
    """The run's status, its cause for an error, and a row for every test."""
    expected = _expected(state, suite)
    if cancelled:
        return ERROR, "cancelled", rows(state, suite, expected, "cancelled")
    if state.tampered:
        cause = "a message with the wrong token arrived on the results channel; results discarded"
        return ERROR, cause, [_row(suite, state, name, cause) for name in expected]
    if state.import_error or (state.collect_error and not state.results):
        cause = state.import_error or collect_error_cause(state.collect_error or "", module)
        return ERROR, cause, [_row(suite, state, name, cause) for name in expected]
    if timed_out:
        cause = f"timed out after {limits.time:g} s, the whole run's limit, {where(state)}"
        found = rows(state, suite, expected, cause)
        if state.current:
            found = [replace_message(r, cause) if r.name == state.current else r for r in found]
        return ERROR, cause, found
    problem = _problem(state, suite, expected)
    if problem:
        return ERROR, problem, rows(state, suite, expected, problem)
    missing = remaining(state) if state.planned else [n for n in expected if n not in {r.name for r in state.results}]
    if missing and not state.causes:
        cause = (death_cause(state, returncode, limits) if not state.done
                 else collect_error_cause(state.collect_error, module) if state.collect_error
                 else f"no result for {missing[0]}")
        state.causes.append(cause)
    found = rows(state, suite, expected, state.causes[0] if state.causes else "")
    if state.causes:
        more = f" (and {len(state.causes) - 1} more)" if len(state.causes) > 1 else ""
        return ERROR, state.causes[0] + more, found
    statuses = {r.status for r in found}
    if statuses & {FAIL, ERROR}:
        return FAIL, "", found
    if PASS not in statuses:
        return FAIL, "no test passed" if SKIP in statuses else "the suite holds no tests", found
    return PASS, "", found


def replace_message(result: TestResult, message: str) -> TestResult:
    from dataclasses import replace

    return replace(result, status=ERROR, message=message)


__all__ = ["FAIL", "decide", "remaining", "test_name"]
