"""Growth reports under load: is a correct solution ever called slower than the reference?

    python bench/growth.py                        # every kata with a growth block, idle
    python bench/growth.py two_sum --runs 10 --busy

For each kata with ``growth`` in kata.yaml, measures (as a failing time-budget
test would) the reference itself, the known-good alternatives in
bench/alternatives/<slug>/*.py, and the kata's mutants, ``--runs`` times each.
--busy keeps every core busy with spinning processes meanwhile. Prints each
program's fitted growth and slope, how often it was reported as growing worse
than the reference, and the measuring time. The reference and the alternatives
should read 0 of N; a slow mutant (nested loops, a rescan) N of N. A benchmark:
it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from coach.content.library import load_library
from coach.grading import growth
from coach.grading.grader import Grader

ALTERNATIVES = Path(__file__).resolve().parent / "alternatives"


def spin() -> None:  # pragma: no cover - runs in a helper process
    while True:
        pass


def programs(kata) -> list[tuple[str, str, Path]]:
    """(kind, name, file): the reference, the known-good alternatives, the mutants."""
    found = [("reference", "solution.py", kata.solution_path)]
    found += [("good", p.name, p) for p in sorted((ALTERNATIVES / kata.slug).glob("*.py"))]
    found += [("mutant", p.name, p) for p in kata.mutant_paths]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("katas", nargs="*", help="kata names (default: every kata with a growth block)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--busy", action="store_true", help="load every core while measuring")
    parser.add_argument("--no-mutants", action="store_true", help="only the reference and the alternatives")
    args = parser.parse_args()
    library = load_library(questions=False, user=False)
    katas = [library.kata(s) for s in args.katas] if args.katas else [k for k in library.katas if k.growth]
    spinners = []
    if args.busy:
        spinners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(os.cpu_count() or 1)]
        for process in spinners:
            process.start()
    wrongly_slower = checked_good = 0
    try:
        with Grader() as grader:
            for kata in katas:
                for kind, name, path in programs(kata):
                    if kind == "mutant" and args.no_mutants:
                        continue
                    source = path.read_text(encoding="utf-8")
                    labels: Counter[str] = Counter()
                    slopes, seconds, worse = [], [], 0
                    for _ in range(args.runs):
                        grader.wait_ready()
                        start = time.perf_counter()
                        report = growth.measure(grader, kata, source)
                        seconds.append(time.perf_counter() - start)
                        fit = report.solution.fit if report else None
                        labels[fit.model.label if fit else "?"] += 1
                        if fit:
                            slopes.append(fit.slope)
                        worse += bool(report and report.worse)
                    if kind != "mutant":
                        checked_good += args.runs
                        wrongly_slower += worse
                    ref = report.reference.fit if report else None
                    shown = ", ".join(f"{label} x{count}" for label, count in labels.most_common())
                    slope = f"{statistics.median(slopes):4.2f}" if slopes else "  ? "
                    print(f"{kata.slug:<20} {kind:<9} {name:<30} {shown:<16} slope {slope}  "
                          f"(reference {ref.model.label if ref else '?'})  worse {worse}/{args.runs}  "
                          f"{statistics.median(seconds):4.1f} s", flush=True)
                    if report and kind != "reference" and args.runs == 1:
                        print(f"    {report.text()}")
    finally:
        for process in spinners:
            process.terminate()
    load = "with every core busy" if args.busy else "idle"
    print(f"growth: the reference or a known-good alternative was called worse {wrongly_slower} times "
          f"in {checked_good} measurements ({load})")


if __name__ == "__main__":
    main()
