"""Growth reports: when a time-budget test fails, how does the solution grow?

``measure(grader, kata, source)`` takes the grader's spare worker, fills its
sandbox with the solution and the kata's reference, and sends a job that
makes the worker time both at growing sizes (:mod:`coach.grading.probe`)
under the same limits and guard as a test run. The parent reads the points
as they come, stops the worker at a wall-clock deadline whatever it is doing,
and fits each curve (:mod:`coach.grading.complexity`). The report reads
"grows like n² (reference: n); at n = 20,000 it took 3.1 s".
"""

from __future__ import annotations

import json
import os
import secrets
import select
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coach.content.models import Kata
from coach.grading import complexity
from coach.grading.complexity import REFERENCE_MODULE, Fit, Point, seconds_text, sizes
from coach.grading.events import ERROR, RunResult

if TYPE_CHECKING:
    from coach.grading.grader import Grader

BUDGET = 1.2  # CPU seconds of measuring, reference and solution together
DEADLINE = 3.0  # seconds after which the worker is killed, whatever it is doing
_BUDGET_MARKS = ("this test's time limit", "CPU time limit")


def budget_failures(result: RunResult) -> tuple[str, ...]:
    """The tests that failed by running out of time (their limit, or the run's CPU time)."""
    return tuple(t.name for t in result.tests
                 if t.status == ERROR and any(mark in t.message for mark in _BUDGET_MARKS))


def wanted(kata: Kata, result: RunResult) -> tuple[str, ...]:
    """The budget failures a growth report would explain (none if the kata cannot measure)."""
    if kata.growth is None or kata.solution_path is None or not kata.solution_path.is_file():
        return ()
    return budget_failures(result)


@dataclass(frozen=True)
class Curve:
    """One program's measurements."""

    points: tuple[Point, ...] = ()
    error: str = ""  # why measuring stopped early: the call raised, could not import, ...
    error_n: int = 0  # the size it failed at (0: before any)
    running: int = 0  # the size being timed when the deadline came (0: none)

    @property
    def fit(self) -> Fit | None:
        return complexity.fit(self.points)

    def to_json(self) -> dict[str, Any]:
        fitted = self.fit
        return {"points": [[p.n, p.seconds] for p in self.points],
                "grows_like": fitted.model.label if fitted else None,
                "slope": round(fitted.slope, 3) if fitted else None, "error": self.error or None}


@dataclass(frozen=True)
class GrowthReport:
    tests: tuple[str, ...]  # the failing budget tests it explains
    n: int  # the size the time-budget test uses
    solution: Curve
    reference: Curve
    seconds: float = 0.0  # how long measuring took

    @property
    def worse(self) -> bool:
        mine, theirs = self.solution.fit, self.reference.fit
        return bool(mine and theirs and complexity.is_worse(mine, theirs))

    def text(self, *, unicode: bool = True) -> str:
        line = _describe(self)
        if not unicode:
            line = line.replace("²", "^2").replace("³", "^3").replace("µs", "us").replace("×", "x")
        return line

    def to_json(self) -> dict[str, Any]:
        return {"tests": list(self.tests), "n": self.n, "worse": self.worse, "text": self.text(),
                "solution": self.solution.to_json(), "reference": self.reference.to_json()}


def _label(fit: Fit) -> str:
    return fit.model.label


def _at(curve: Curve, n: int) -> tuple[float, bool] | None:
    return complexity.estimate(curve.points, n, curve.fit)


def _largest(curve: Curve) -> Point | None:
    good = complexity.usable(curve.points) or sorted(curve.points, key=lambda p: p.n)
    return good[-1] if good else None


def _describe(report: GrowthReport) -> str:
    mine, theirs, n = report.solution.fit, report.reference.fit, report.n
    if mine is None or report.solution.error:
        return _unmeasured(report.solution, theirs)
    reference = f" (reference: {_label(theirs)})" if theirs else ""
    at = _at(report.solution, n)
    base = _largest(report.solution)
    ref_at = _at(report.reference, n)
    ref_text = seconds_text(ref_at[0]) if ref_at else ""
    if at is not None and at[1]:
        when = f"at n = {n:,} it took {seconds_text(at[0])}"
    elif at is not None and base is not None:
        when = (f"at n = {base.n:,} it took {seconds_text(base.seconds)}, so about {seconds_text(at[0])} "
                f"at n = {n:,}, the size the time-budget test uses")
    else:
        when = ""
    if theirs is None or report.worse or mine.model.tier < theirs.model.tier:
        text = f"grows like {_label(mine)}{reference}"
        if when:
            text += f"; {when}"
        if ref_text and theirs is not None:
            text += f" (the reference: {ref_text})"
        return text
    text = f"grows like the reference ({_label(theirs)})"
    if at is None or ref_at is None:
        return text + (f"; {when}" if when else "")
    ratio = at[0] / ref_at[0] if ref_at[0] > 0 else 0.0
    if ratio >= 3:
        return (f"{text}; {when}, {ratio:,.0f}× the reference's {ref_text}: the same growth with a larger "
                "constant factor (a slower step inside the loop)")
    if ratio >= 1.5:
        return f"{text}; {when} (the reference: {ref_text})"
    return (f"{text} and about as fast ({seconds_text(at[0])} at n = {n:,}, the reference {ref_text}); "
            "so the size is not what made it slow: look at what this test's own input makes it do "
            "(a loop that never ends on it, a wait), or at a busy machine")


def _unmeasured(curve: Curve, theirs: Fit | None) -> str:
    reference = f" (the reference grows like {_label(theirs)})" if theirs else ""
    if curve.error:
        where = f" at n = {curve.error_n:,}" if curve.error_n else ""
        return f"could not measure how it grows: it failed{where}: {curve.error}{reference}"
    largest = _largest(curve)
    if curve.running:
        return (f"too slow to measure how it grows: one call at n = {curve.running:,} did not finish in "
                f"{DEADLINE:g} s{reference}")
    if largest is not None:
        return (f"too slow to measure how it grows: at n = {largest.n:,} one call took "
                f"{seconds_text(largest.seconds)}{reference}")
    return f"could not measure how it grows{reference}"


@dataclass
class _Reading:
    curves: dict[str, list[Point]] = field(default_factory=lambda: {"reference": [], "solution": []})
    errors: dict[str, tuple[str, int]] = field(default_factory=dict)
    stopped: set[str] = field(default_factory=set)
    done: bool = False

    def apply(self, message: dict[str, Any]) -> None:
        who = str(message.get("who", ""))
        kind = message.get("ev")
        if kind == "done":
            self.done = True
        elif who not in self.curves:
            return
        elif kind == "growth_point":
            self.curves[who].append(Point(int(message["n"]), float(message["s"]), float(message["measured"])))
        elif kind == "growth_error":
            self.errors[who] = (str(message["message"]), int(message["n"]))
            self.stopped.add(who)
        elif kind == "growth_stop":
            self.stopped.add(who)

    def curve(self, who: str, plan_next: int) -> Curve:
        error, error_n = self.errors.get(who, ("", 0))
        running = 0 if who in self.stopped else plan_next
        return Curve(tuple(self.curves[who]), error, error_n, running)


def measure(grader: Grader, kata: Kata, source: str | bytes, *, tests: tuple[str, ...] = (),
            budget: float = BUDGET, deadline: float = DEADLINE,
            cancelled: Callable[[], bool] | None = None) -> GrowthReport | None:
    """Time ``source`` and the kata's reference at growing sizes; None if the kata has no
    ``growth`` block or reference, or ``cancelled()`` became true meanwhile (checked often)."""
    spec = kata.growth
    if spec is None or kata.solution_path is None:
        return None
    started = time.perf_counter()
    worker = grader.spare_worker()
    try:
        folder = worker.suite_dir
        data = source.encode("utf-8", "surrogateescape") if isinstance(source, str) else source
        (folder / f"{kata.module}.py").write_bytes(data)
        (folder / f"{REFERENCE_MODULE}.py").write_bytes(kata.solution_path.read_bytes())
        for name in (*spec.files, *kata.extra_files):
            if (kata.path / name).is_file():
                (folder / name).write_bytes((kata.path / name).read_bytes())
        token = secrets.token_hex(16)
        limits = kata.limits
        job = {"token": token, "module": kata.module, "test_files": [], "output_cap": 1000,
               "limits": {"cpu": budget + deadline, "memory": limits.memory, "file_size": limits.file_size},
               "test_limit": 0.0, "plan": False, "only": None,
               "trace_file": str(worker.tmp_dir / "coach-test-trace.txt"),
               "growth": {**spec.to_job(), "budget": budget}}
        if not worker.wait_ready(10.0):
            return None
        worker.send_job(job)
        reading = _read(worker, token, time.monotonic() + deadline, cancelled)
    finally:
        grader.release(worker)
    if cancelled is not None and cancelled():
        return None
    reference = reading.curve("reference", _next_size(reading, "reference", spec.start, spec.n, spec.max))
    solution = reading.curve("solution", _next_size(reading, "solution", spec.start, spec.n, spec.max))
    return GrowthReport(tests, spec.n, solution, reference, time.perf_counter() - started)


def _next_size(reading: _Reading, who: str, start: int, n: int, largest: int) -> int:
    """The size that was being timed when measuring stopped (for "did not finish at n = ...")."""
    if who == "solution" and "reference" not in reading.stopped and not reading.curves["reference"]:
        return 0  # the reference never finished: the solution was never timed
    done = {p.n for p in reading.curves[who]}
    return next((size for size in sizes(start, n, largest) if size not in done), 0)


def _read(worker: Any, token: str, deadline: float, cancelled: Callable[[], bool] | None) -> _Reading:
    reading = _Reading()
    pending = worker.pending
    closed: set[int] = set()
    while True:
        *lines, pending = pending.split(b"\n")
        for raw in lines:
            try:
                message = json.loads(raw)
            except ValueError:
                continue
            if isinstance(message, dict) and message.get("k") == token:
                reading.apply(message)
        left = deadline - time.monotonic()
        if reading.done or left <= 0 or (cancelled is not None and cancelled()):
            return reading
        fds = [fd for fd in (worker.events_fd, worker.output_fd) if fd not in closed]
        ready, _, _ = select.select(fds, [], [], min(left, 0.05))
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                closed.add(fd)
            if fd == worker.events_fd:
                reading.done = reading.done or not chunk  # the worker died: what it sent is all there is
                pending += chunk
            # the solution's prints are read and dropped, so a chatty one cannot block on a full pipe


def add_to_exercism(doc: dict[str, Any], result: RunResult, report: GrowthReport) -> None:
    """Put the report in Exercism's results document: appended to each explained test's
    message, and whole under ``coach_growth``, a key Exercism's tools ignore."""
    from coach.grading.formats import exercism_name

    names = set(report.tests)
    shown = {exercism_name(t) for t in result.tests if t.name in names} | names
    for entry in doc.get("tests", []):
        if entry.get("name") in shown and entry.get("status") in ("fail", "error"):
            entry["message"] = f"{entry.get('message') or ''}\n\nGrowth: {report.text()}".lstrip()
    doc["coach_growth"] = report.to_json()
