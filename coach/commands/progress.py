"""``coach stats``, ``coach export FILE`` and ``coach import PATH``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from coach.errors import CoachError
from coach.practice.store import Store


def open_store() -> Store:
    store = Store.open()
    if store.notice:
        print(f"coach: warning: {store.notice}", file=sys.stderr)
    return store


def _bar(fraction: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def _minutes(ms: float | None) -> str:
    if ms is None:
        return "-"
    seconds = int(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def render(stats) -> str:  # a coach.practice.stats.Stats
    lines = [f"Due today: {stats.due_today}    New cards: {stats.new_available}    "
             f"Streak: {stats.streak} day{'s' if stats.streak != 1 else ''}", ""]
    width = max([len(t.title) for t in stats.topics] + [5])
    lines.append(f"{'TOPIC':<{width}}  {'SEEN':>7}  {'DUE':>3}  MASTERY")
    for t in stats.topics:
        mastery = f"{_bar(t.retrievability)} {t.retrievability:4.0%}" if t.retrievability is not None else "-"
        lines.append(f"{t.title:<{width}}  {t.seen:>3}/{t.total:<3}  {t.due:>3}  {mastery}")
    peak = max([n for _, n in stats.reviews_per_day] + [1])
    lines += ["", f"Reviews per day, last {len(stats.reviews_per_day)} days"]
    for day, count in stats.reviews_per_day:
        lines.append(f"{day}  {'▇' * round(20 * count / peak):<20} {count}")
    lines += ["", f"Katas: {stats.katas_solved} solved, {stats.katas_attempted} attempted, "
              f"{len(stats.katas)} in all"]
    tried = [k for k in stats.katas if k.attempts]
    if tried:
        lines.append(f"{'KATA':<24} {'STATUS':<9} {'TRIES':>5}  BEST")
        for k in tried:
            lines.append(f"{k.slug:<24} {k.status:<9} {k.attempts:>5}  {_minutes(k.best_ms)}")
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    from coach.content.library import load_library
    from coach.practice.stats import compute

    library = load_library()
    with open_store() as store:
        stats = compute(store, library)
    if args.json:
        print(json.dumps(stats.to_dict(), indent=2))
    else:
        encoding = (sys.stdout.encoding or "").lower()
        text = render(stats)
        print(text if "utf" in encoding else text.encode("ascii", "replace").decode())
    return 0


def run_export(args: argparse.Namespace) -> int:
    from coach.practice.transfer import export

    with open_store() as store:
        doc = export(store)
    text = json.dumps(doc, indent=1)
    if args.file == "-":
        print(text)
        return 0
    target = Path(args.file).expanduser()
    if target.is_dir():
        raise CoachError(f"{target} is a folder; give a file name, e.g. {target / 'coach-progress.json'}")
    if not target.parent.is_dir():
        raise CoachError(f"no such folder: {target.parent}")
    # Write beside the target and rename: an interrupted export never leaves half a file.
    fd, tmp = tempfile.mkstemp(prefix=".coach-export-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    print(f"exported {len(doc['cards'])} cards, {len(doc['reviews'])} reviews, "
          f"{len(doc['attempts'])} kata attempts and {len(doc['drafts'])} drafts to {target}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.path).expanduser()
    if path.is_dir():
        from coach.commands.exercism import run_exercism_import

        return run_exercism_import(path)
    if not path.exists():
        raise CoachError(f"no such file or folder: {args.path}")
    from coach.practice.transfer import import_

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CoachError(f"{path} is not a coach progress file (not JSON: {exc})") from None
    with open_store() as store:
        changed = import_(store, doc)
    if not any(changed.values()):
        print(f"nothing new in {path}: your progress already holds all of it")
    else:
        print(f"imported {changed['cards']} card schedules, {changed['reviews']} reviews, "
              f"{changed['attempts']} kata attempts and {changed['drafts']} drafts from {path}")
    return 0
