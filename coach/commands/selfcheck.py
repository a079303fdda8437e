"""Grade every kata's starter (must fail), reference solution (must pass) and mutants (must fail).

Like rustlings' ``dev check``, with mutation testing on top: content is only
as good as its suites, and a suite is only as good as the wrong solutions it
rejects. ``katas/<slug>/mutants/*.py`` hold plausible wrong solutions; each
must fail. Runs go through the real grading engine, one file per job, several
jobs at a time (one per CPU core), so a kata with many mutants does not hold
up the others.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from coach.content.models import Kata
from coach.grading.events import FAIL, PASS, RunResult
from coach.grading.grader import Grader


@dataclass
class KataCheck:
    kata: Kata
    starter: RunResult | None
    solution: RunResult | None
    seconds: float
    mutants: list[tuple[Path, RunResult]] = field(default_factory=list)

    @property
    def killed(self) -> int:
        """Mutants the suite rejects (they fail, as a wrong solution should)."""
        return sum(1 for _, result in self.mutants if result.status == FAIL)

    @property
    def problems(self) -> list[str]:
        found = []
        if self.solution is None:
            found.append("no reference solution")
        elif self.solution.status != PASS:
            why = self.solution.message or _first(self.solution)
            found.append(f"solution does not pass ({self.solution.passed}/{len(self.solution.tests)}): {why}")
        if self.starter is not None and self.starter.status != FAIL:
            if self.starter.status == PASS:
                found.append("starter passes the suite; it must fail")
            else:
                found.append(f"starter errors instead of failing: {self.starter.message}")
        for path, result in self.mutants:
            if result.status == PASS:
                found.append(f"mutant survives: {_shown(path)} passes the suite; "
                             "add a test that rejects it")
            elif result.status != FAIL:
                found.append(f"mutant errors instead of failing: {_shown(path)}: {result.message}")
        return found


def _shown(path: Path) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _first(result: RunResult) -> str:
    failure = result.first_failure
    if failure is None:
        return ""
    return f"{failure.name}: {failure.message.splitlines()[0] if failure.message else failure.status}"


def _grade(kata: Kata, path: Path | None) -> RunResult | None:
    if path is None or not path.is_file():
        return None
    with Grader(keep_warm=False) as grader:
        return grader.grade(kata, path)


def _files(kata: Kata) -> list[Path | None]:
    return [kata.starter_path, kata.solution_path, *kata.mutant_paths]


def check_kata(kata: Kata) -> KataCheck:
    """Grade one kata's files one after another."""
    start = time.perf_counter()
    results = [_grade(kata, path) for path in _files(kata)]
    return _assemble(kata, results, time.perf_counter() - start)


def _assemble(kata: Kata, results: list[RunResult | None], seconds: float) -> KataCheck:
    mutants = [(path, result) for path, result in zip(kata.mutant_paths, results[2:]) if result is not None]
    return KataCheck(kata, results[0], results[1], seconds, mutants)


def default_jobs() -> int:
    """Two runs per core: much of a run is waiting (a debounce's timers, an
    async suite's deadlines), not computing. The suites' time budgets leave
    reference solutions a wide margin (a tenth of the budget or less), so
    sharing a core with one other run does not make them fail.
    """
    return 2 * max(1, os.cpu_count() or 1)


def check_katas(katas: list[Kata], jobs: int | None = None) -> Iterator[KataCheck]:
    """Check katas, one file per job, several jobs at a time; results come in the katas' order.

    A kata's ``seconds`` is the grading time its files took, summed.
    """
    def timed(kata: Kata, path: Path | None) -> tuple[RunResult | None, float]:
        start = time.perf_counter()
        result = _grade(kata, path)
        return result, time.perf_counter() - start

    with ThreadPoolExecutor(max_workers=jobs or default_jobs()) as pool:
        submitted: list[tuple[Kata, list[Future[tuple[RunResult | None, float]]]]] = [
            (kata, [pool.submit(timed, kata, path) for path in _files(kata)]) for kata in katas
        ]
        for kata, futures in submitted:
            outcomes = [future.result() for future in futures]
            yield _assemble(kata, [r for r, _ in outcomes], sum(s for _, s in outcomes))


def grade_katas(katas: list[Kata]) -> int:
    """Print a line per kata and a total; returns the number of katas with problems."""
    start = time.perf_counter()
    bad = 0
    unicode = "utf" in (sys.stdout.encoding or "").lower()
    ok_mark, bad_mark = ("✓", "✗") if unicode else ("ok", "XX")
    mutants = killed = 0
    for check in check_katas(katas):
        problems = check.problems
        solved = check.solution
        counts = f"{solved.passed}/{len(solved.tests)} tests" if solved else "no solution"
        caught = f"{check.killed}/{len(check.mutants)} mutants" if check.mutants else "no mutants"
        mark = bad_mark if problems else ok_mark
        print(f"{mark} {check.kata.slug:<24} {counts:<12} {caught:<12} {check.seconds:5.1f} s", flush=True)
        for problem in problems:
            print(f"    {problem}", flush=True)
        bad += bool(problems)
        mutants += len(check.mutants)
        killed += check.killed
    total = len(katas)
    print(f"\nkatas: {total - bad} of {total} ok (starter fails, solution passes, "
          f"{killed} of {mutants} mutants fail) in {time.perf_counter() - start:.1f} s")
    return bad
