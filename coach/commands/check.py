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
    from coach.grading.events import PASS
    from coach.grading.formats import human, to_exercism
    from coach.grading.grader import Grader

    grader = Grader(keep_warm=False, spare=worker)
    try:
        kata = resolve_kata(args.kata)
        result = grader.grade(kata, solution)
    finally:
        grader.close()
    if args.json:
        print(json.dumps(to_exercism(result, exercism_layout=kata.origin == "exercism"), indent=2))
    else:
        encoding = (sys.stdout.encoding or "").lower()
        print(human(result, unicode="utf" in encoding))
    return 0 if result.status == PASS else 1
