"""Presenting a run: human lines for the terminal, Exercism's v3 JSON for tools.

For exercises in Exercism's layout the JSON follows the conventions of
Exercism's Python test runner (learnt from its README and published example
results): ``Class > method name [variation #n]`` names, a parent entry after a
test's subtests, ``task_id`` from ``@pytest.mark.task``, tests ordered by task,
stdout shown only for the variations of a failing test, cut at 500
characters, and no tests at all when the solution cannot be imported.
"""

from __future__ import annotations

import re
from typing import Any

from coach.content.suite import body_of_code
from coach.grading.events import ERROR, FAIL, PASS, SKIP, RunResult, TestResult

OUTPUT_LIMIT = 500  # Exercism's limit on a test's output
_CUT_NOTE = " [Output was truncated. Please limit to 500 chars]"
_PARENT_FAILED = "One or more variations of this test failed. Details can be found under each [variant#]."
_MARKS = {PASS: "✓", FAIL: "✗", ERROR: "!", SKIP: "-"}
_ASCII_MARKS = {PASS: "PASS", FAIL: "FAIL", ERROR: "ERR ", SKIP: "SKIP"}
_TRIM = re.compile(r"^(.+)(Test\.test_)")


def cut(text: str, limit: int) -> str:
    """``text`` up to ``limit`` characters, with a note of how much was cut."""
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n[... {len(text) - limit} more characters cut, of {len(text)}]"


def exercism_name(test: TestResult) -> str:
    """``CurrencyExchangeTest::test_exchange_money`` + variation ->
    ``CurrencyExchange > exchange money [variation #1]``."""
    name = test.parent or test.name
    first, _, rest = name.partition("::")
    if rest and first.endswith(".py"):
        name = rest  # a test of another file named in files.test
    dotted = name.replace("::", ".")
    if test.variation:
        dotted += f" [{test.variation}]"
    return _TRIM.sub(r"\1 > ", dotted).replace("_", " ")


def _exercism_output(text: str) -> str | None:
    text = text.strip()
    if len(text) > OUTPUT_LIMIT:
        text = text[: OUTPUT_LIMIT - len(_CUT_NOTE)] + _CUT_NOTE
    return text or None


def _variation_outputs(variations: list[TestResult]) -> list[str]:
    """Exercism's runner reads a test's subtest output out of the test's captured
    stdout, in which pytest's progress marks sit between the subtests' prints: ","
    after a passing subtest, "u" after a failing one. It cuts that text at each
    newline followed by "u" and gives the n-th piece to variation #n (an extra "u"
    at a piece's start stands for a variation with no piece). Rebuilt here from
    each subtest's own stdout so that the same variations show output."""
    text = "".join(v.stdout + ("u" if v.status in (FAIL, ERROR) else ",") for v in variations)
    pieces = text.split("\nu")
    pieces[0] = pieces[0].removeprefix("u")
    found: list[str] = []
    for piece in pieces:
        bare = piece.lstrip("u")
        found += [" "] * (len(piece) - len(bare))
        found.append(bare)
    return found


def _status(test: TestResult) -> str:
    return "pass" if test.status == SKIP else str(test.status)


def _exercism_tests(result: RunResult) -> list[dict[str, Any]]:
    failing_parents = {t.parent for t in result.tests if t.parent and t.status in (FAIL, ERROR)}
    outputs: dict[int, str] = {}
    for parent in failing_parents:
        variations = [t for t in result.tests if t.parent == parent]
        numbered = {v.variation: v for v in variations if v.variation}
        for n, text in enumerate(_variation_outputs(variations), start=1):
            target = numbered.get(f"variation #{n}")
            if target is not None:
                outputs[id(target)] = text
    entries: list[dict[str, Any]] = []
    by_name: dict[str, dict[str, Any]] = {}
    for test in result.tests:
        if test.parent is not None and not test.variation:
            continue  # an unnamed subtest: the runner folds it into its test
        name = exercism_name(test)
        entry: dict[str, Any] = {"name": name, "status": _status(test)}
        if test.status in (FAIL, ERROR):
            entry["message"] = (test.message if test.parent is None and test.name in failing_parents
                                else (test.message or test.details))
        entry["test_code"] = body_of_code(test.code)
        entry["task_id"] = test.task_id
        output = _exercism_output(outputs.get(id(test), ""))
        if output:
            entry["output"] = output
        if test.parent is None and test.name in failing_parents:
            entry["status"], entry["message"] = "fail", _PARENT_FAILED
        if name in by_name:
            by_name[name].update({k: v for k, v in entry.items() if k != "name"})
            continue
        by_name[name] = entry
        entries.append(entry)
    return entries


def _order(entries: list[dict[str, Any]], parents: set[str]) -> list[dict[str, Any]]:
    if any(e["task_id"] > 0 for e in entries):
        for entry in entries:
            if "[variation" not in entry["name"] and entry["task_id"] > 0:
                entry["name"] += "~"
        return sorted(entries, key=lambda e: (e["task_id"], e["name"]))
    # a test's own entry before its variations, then stable by task
    out: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for entry in entries:
        if " [" in entry["name"] and entry["name"].split(" [", 1)[0] in parents:
            pending.append(entry)
            continue
        out.append(entry)
        out += pending
        pending = []
    return out + pending


def to_exercism(result: RunResult, *, exercism_layout: bool = False) -> dict[str, Any]:
    """The Exercism test-runner interface, version 3."""
    doc: dict[str, Any] = {"version": 3, "status": str(result.status)}
    if result.status == ERROR:
        doc["message"] = result.message
    if exercism_layout:
        if result.import_error:
            doc["tests"] = []
            return doc
        entries = _exercism_tests(result)
        parents = {exercism_name(t) for t in result.tests if t.parent is None
                   and any(s.parent == t.name for s in result.tests)}
        doc["tests"] = _order(entries, parents)
        return doc
    tests = []
    for test in result.tests:
        entry: dict[str, Any] = {"name": test.name, "status": _status(test)}
        if test.status != PASS:
            message = test.details or test.message
            entry["message"] = f"skipped: {message}" if test.status == SKIP else message
        entry["test_code"] = test.code
        entry["task_id"] = test.task_id
        if test.output.strip():
            entry["output"] = _exercism_output(test.output)
        tests.append(entry)
    doc["tests"] = tests
    return doc


def human(result: RunResult, *, unicode: bool = True, output_cap: int = 2000) -> str:
    marks = _MARKS if unicode else _ASCII_MARKS

    def row(test: TestResult) -> str:
        return f"{marks.get(test.status, '?')} {test.name}  {test.ms:.0f} ms"

    lines = []
    if result.task_ids:  # a concept exercise: its tests under their tasks, as the workbench shows them
        groups: dict[int, list[TestResult]] = {}
        for test in result.tests:
            groups.setdefault(test.task_id, []).append(test)
        for task in sorted(groups, key=lambda n: (n == 0, n)):
            tests = groups[task]
            passed = sum(1 for t in tests if t.status == PASS)
            lines.append(f"{f'Task {task}' if task else 'Other tests'}: {passed}/{len(tests)} passed")
            lines.extend("  " + row(test) for test in tests)
    else:
        lines.extend(row(test) for test in result.tests)
    first = result.first_failure
    if first is not None and result.status == ERROR and not first.details and first.message == result.message:
        first = None  # the run's own error, said once below
    if first is not None and (first.message or first.details):
        lines.append("")
        lines.append(f"First failure: {first.name}")
        lines.extend("  " + line for line in failure_text(first).rstrip().splitlines())
        if first.output:
            lines.append("  captured output:")
            lines.extend("    " + line for line in cut(first.output, output_cap).rstrip().splitlines())
    if result.output.strip():
        lines.append("")
        lines.append("Output outside the tests:")
        lines.extend("  " + line for line in cut(result.output, output_cap).rstrip().splitlines())
    if result.status == ERROR:
        lines.append("")
        lines.append(f"error: {result.message}")
    lines.append(result.summary)
    return "\n".join(lines)


def failure_text(test: TestResult, limit: int = 4000) -> str:
    """What went wrong, the assertion first (expression, expected, got), then the frames."""
    message = test.message.strip()
    details = test.details.strip()
    if not details or not message or message in details:
        return cut(details or message, limit)
    if details in message:
        return cut(message, limit)
    said = [line.strip() for line in message.splitlines() if line.strip()]
    e_lines = [line[1:].strip() for line in details.splitlines() if line.startswith("E ") and line[1:].strip()]
    if said == e_lines:  # pytest's E lines repeat the message just shown: keep the frames
        details = "\n".join(line for line in details.splitlines() if not line.startswith("E ")).strip()
    return cut(f"{message}\n\n{details}", limit)
