"""Grade every kata's starter (must fail) and reference solution (must pass).

Like rustlings' ``dev check``: content is only as good as its suites. Runs
go through the real grading engine, several at a time (one per CPU core).
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterator

from coach.content.models import Kata
from coach.grading.events import FAIL, PASS, RunResult
from coach.grading.grader import Grader


@dataclass
class KataCheck:
    kata: Kata
    starter: RunResult | None
    solution: RunResult | None
    seconds: float

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
        return found


def _first(result: RunResult) -> str:
    failure = result.first_failure
    return f"{failure.name}: {failure.message.splitlines()[0] if failure.message else failure.status}" if failure else ""


def check_kata(kata: Kata) -> KataCheck:
    start = time.perf_counter()
    results: list[RunResult | None] = []
    for path in (kata.starter_path, kata.solution_path):
        if path is None or not path.is_file():
            results.append(None)
            continue
        grader = Grader(keep_warm=False)
        try:
            results.append(grader.grade(kata, path))
        finally:
            grader.close()
    return KataCheck(kata, results[0], results[1], time.perf_counter() - start)


def check_katas(katas: list[Kata], jobs: int | None = None) -> Iterator[KataCheck]:
    """Check katas several at a time (one per core); results come in the katas' order."""
    with ThreadPoolExecutor(max_workers=jobs or max(1, os.cpu_count() or 1)) as pool:
        yield from pool.map(check_kata, katas)


def grade_katas(katas: list[Kata]) -> int:
    """Print a line per kata and a total; returns the number of katas with problems."""
    start = time.perf_counter()
    bad = 0
    unicode = "utf" in (sys.stdout.encoding or "").lower()
    ok_mark, bad_mark = ("✓", "✗") if unicode else ("ok", "XX")
    for check in check_katas(katas):
        problems = check.problems
        solved = check.solution
        counts = f"{solved.passed}/{len(solved.tests)} tests" if solved else "no solution"
        mark = bad_mark if problems else ok_mark
        print(f"{mark} {check.kata.slug:<24} {counts:<12} {check.seconds:5.1f} s", flush=True)
        for problem in problems:
            print(f"    {problem}", flush=True)
        bad += bool(problems)
    total = len(katas)
    print(f"\nkatas: {total - bad} of {total} ok (starter fails, solution passes) "
          f"in {time.perf_counter() - start:.1f} s")
    return bad

