"""Presenting a run: human lines for the terminal, Exercism's v3 JSON for tools."""

from __future__ import annotations

from typing import Any

from coach.grading.events import ERROR, FAIL, PASS, SKIP, RunResult

OUTPUT_LIMIT = 500  # Exercism's limit on a test's output
_MARKS = {PASS: "✓", FAIL: "✗", ERROR: "!", SKIP: "-"}
_ASCII_MARKS = {PASS: "PASS", FAIL: "FAIL", ERROR: "ERR ", SKIP: "SKIP"}


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    note = f"\n[output truncated: {len(text)} characters, the first {limit} shown]"
    return text[:limit] + note


def to_exercism(result: RunResult) -> dict[str, Any]:
    """The Exercism test-runner interface, version 3."""
    doc: dict[str, Any] = {"version": 3, "status": result.status}
    if result.status == ERROR:
        doc["message"] = result.message
    tests = []
    for test in result.tests:
        status = test.status if test.status in (PASS, FAIL, ERROR) else FAIL
        message = test.message
        if test.status == SKIP:
            message = f"skipped: {message}" if message else "skipped"
        entry: dict[str, Any] = {
            "name": test.name,
            "status": status,
            "message": (test.details or message) if status != PASS else None,
            "output": _truncate(test.output, OUTPUT_LIMIT) if test.output else None,
            "test_code": test.code,
        }
        tests.append(entry)
    doc["tests"] = tests
    return doc


def human(result: RunResult, *, unicode: bool = True, output_cap: int = 2000) -> str:
    marks = _MARKS if unicode else _ASCII_MARKS
    lines = []
    for test in result.tests:
        lines.append(f"{marks.get(test.status, '?')} {test.name}  {test.ms:.0f} ms")
    first = result.first_failure
    if first is not None and (first.message or first.details):
        lines.append("")
        lines.append(f"First failure: {first.name}")
        body = first.details or first.message
        lines.extend("  " + line for line in body.rstrip().splitlines())
        if first.output:
            lines.append("  captured output:")
            lines.extend("    " + line for line in _truncate(first.output, output_cap).rstrip().splitlines())
    if result.output.strip():
        lines.append("")
        lines.append("Output outside the tests:")
        lines.extend("  " + line for line in _truncate(result.output, output_cap).rstrip().splitlines())
    if result.status == ERROR:
        lines.append("")
        lines.append(f"error: {result.message}")
    lines.append(f"{result.passed} passed, {result.failed} failed")
    return "\n".join(lines)
