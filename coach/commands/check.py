"""``coach check KATA SOLUTION [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach.errors import CoachError
from coach.grading.pool import Worker


def run_check(args: argparse.Namespace) -> int:
    solution = Path(args.solution).expanduser()
    if not solution.is_file():
        raise CoachError(f"no such file: {args.solution}" if not solution.exists()
                         else f"{args.solution} is not a file")
    # Start the worker first: its pytest import overlaps the imports below
    # and loading the kata.
    worker = Worker(warm_up=False)  # nothing to hide a practice run behind
    from coach.content.library import resolve_kata
    from coach.grading import growth
    from coach.grading.events import PASS
    from coach.grading.formats import human, to_exercism
    from coach.grading.grader import Grader

    grader = Grader(keep_warm=False, spare=worker)
    try:
        kata = resolve_kata(args.kata)
        result = grader.grade(kata, solution)
        slow = growth.wanted(kata, result)  # a time budget ran out: how does it grow?
        report = growth.measure(grader, kata, solution.read_bytes(), tests=slow) if slow else None
    finally:
        grader.close()
    encoding = (sys.stdout.encoding or "").lower()
    if args.json:
        doc = to_exercism(result, exercism_layout=kata.origin == "exercism")
        if report is not None:
            growth.add_to_exercism(doc, result, report)
        print(json.dumps(doc, indent=2))
    else:
        print(human(result, unicode="utf" in encoding))
        if report is not None:
            print(f"\nGrowth ({', '.join(report.tests)}): {report.text(unicode='utf' in encoding)}")
    return 0 if result.status == PASS else 1
