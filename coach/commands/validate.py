"""``coach validate [PATH]``: every problem at once, each with file and line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coach.content.library import Library, load_folder, load_library
from coach.content.safety import printable


def _report(lib: Library) -> int:
    for problem in lib.problems:
        print(printable(str(problem)))  # a name that is not UTF-8 is shown escaped, never a crash
    count = len(lib.problems)
    summary = (f"{len(lib.questions)} questions in {len(lib.decks)} decks, "
               f"{len(lib.katas)} katas")
    if count:
        print(f"\n{count} problem{'s' if count != 1 else ''} found ({summary} checked)")
    else:
        print(f"content ok: {summary}")
    return count


def run_validate(args: argparse.Namespace) -> int:
    if args.path:
        lib = load_folder(Path(args.path).expanduser())
    else:
        lib = load_library(deep=True)
    failed = _report(lib) > 0
    if not args.no_grade and lib.katas:
        from coach.commands.selfcheck import grade_katas

        sys.stdout.flush()
        failed = grade_katas(lib.katas) > 0 or failed
    return 1 if failed else 0
