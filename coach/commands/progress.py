"""``coach stats``, ``coach export FILE`` and ``coach import PATH``."""

from __future__ import annotations

import argparse
import errno
import json
import math
import os
import stat
import sys
import time
from pathlib import Path

from coach import paths
from coach.errors import CoachError
from coach.practice import faults
from coach.practice.atomic import interruptible, remove_stale, write_atomic
from coach.practice.store import Store, StoreError


def open_store(*, write: bool = False) -> Store:
    """The progress store, with any notice on stderr; ``write``: refuse a read-only one."""
    store = Store.open(on_wait=lambda line: print(f"coach: {line}", file=sys.stderr, flush=True))
    for warning in (store.notice, store.warning):
        if warning:
            print(f"coach: warning: {warning}", file=sys.stderr)
    if store.read_only is not None:
        if write:
            reason = store.read_only
            store.close()
            raise StoreError(f"cannot save progress: {reason}", faults.READ_ONLY, store.path)
        print(f"coach: warning: progress is not being saved: {store.read_only}", file=sys.stderr)
    return store


def _bar(fraction: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def _percent(value: float | None) -> str:
    """Rounded down: 99.6% is 99%, never a 100% no forecast can promise."""
    return "-" if value is None else f"{math.floor(value * 100):d}%"


def printable(text: str) -> str:
    encoding = (sys.stdout.encoding or "").lower()
    return text if "utf" in encoding else text.encode("ascii", "replace").decode()


def render(stats) -> str:  # a coach.practice.stats.Stats
    from coach.practice.attempts import minutes
    from coach.practice.katasched import when
    from coach.practice.stats import HEAT_CHARS, MASTERY_LABEL, STABLE_DAYS, heat_grid

    lines = [stats.counts.describe() + f" · streak {stats.streak} day{'s' if stats.streak != 1 else ''}", ""]
    width = max([len(t.title) for t in stats.topics] + [5])
    lines.append(f"Mastery: {MASTERY_LABEL} (mean over seen cards); stable: stability over {STABLE_DAYS} days; "
                 "retention: later reviews not rated Again, last 90 days")
    lines.append(f"{'TOPIC':<{width}}  {'SEEN':>7}  {'DUE':>3}  {'MASTERY':<15}  STABLE  RETENTION")
    for t in stats.topics:
        mastery = f"{_bar(t.mastery)} {_percent(t.mastery):>4}" if t.mastery is not None else "-"
        retention = f"{_percent(t.retention)} of {t.reviews}" if t.retention is not None else "-"
        lines.append(f"{t.title:<{width}}  {t.seen:>3}/{t.total:<3}  {t.due:>3}  {mastery:<15}  "
                     f"{t.stable:>6}  {retention}")
    header, rows = heat_grid(stats.activity)
    total = sum(r + k for _, r, k in stats.activity)
    lines += ["", f"Activity, last {len(stats.activity) // 7 + 1} weeks: reviews and kata sessions a day "
              f"({total} in all; {HEAT_CHARS} none to most)", "    " + header]
    for label, levels in rows:
        lines.append(f"{label} " + "".join(" " if v < 0 else HEAT_CHARS[v] * 2 for v in levels).rstrip())
    lines += ["", "Due in the next 14 days (today includes overdue)", "DATE        CARDS  KATAS"]
    lines += [f"{day}  {cards:>5}  {katas:>5}" for day, cards, katas in stats.forecast]
    lines += ["", (f"Katas: {stats.katas_solved} solved, {stats.katas_unsolved} attempted (not solved yet), "
              f"{stats.katas_not_started} not started, {len(stats.katas)} in all (tries: runs with changed code; "
              "best: fastest first pass without viewing the solution; solved*: only after viewing it)")]
    tried = [k for k in stats.katas if k.runs or k.due is not None]
    if tried:
        now = time.time()
        lines.append(f"{'KATA':<24} {'STATUS':<9} {'TRIES':>5}  {'BEST':>5}  DUE")
        for k in tried:
            due = when(k.due, now) if k.due is not None else "-"
            lines.append(f"{k.slug:<24} {k.status:<9} {k.attempts:>5}  {minutes(k.best_ms):>5}  {due}")
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    from coach.content.library import load_library
    from coach.practice.stats import compute

    library = load_library()
    with open_store() as store:
        stats = compute(store, library)
    if args.json:
        print(json.dumps({**stats.to_dict(), "data_folder": str(paths.data_dir())}, indent=2))
    else:
        print(printable(render(stats) + f"\n\nProgress is kept in {paths.describe_data_dir()}"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.anki is not None:
        if args.file is not None:
            raise CoachError("give either FILE (your progress as JSON) or --anki FILE.apkg, not both")
        return _export_anki(args)
    if args.topic or args.level:
        raise CoachError("--topic and --level choose cards for --anki; a progress export holds everything")
    if args.file is None:
        raise CoachError("coach export: give FILE (your progress as JSON) or --anki FILE.apkg for Anki")
    from coach.practice.transfer import export

    with open_store() as store:
        doc = export(store)
    text = json.dumps(doc, indent=1)
    if args.file == "-":
        print(text)
        return 0
    target = Path(args.file).expanduser()
    _check_export_target(target, args.force)
    remove_stale(target)
    try:
        with interruptible():  # SIGTERM or SIGHUP mid-write: the temp file is removed
            write_atomic(target, text + "\n")
    except OSError as exc:
        raise CoachError(f"cannot write {target}: {exc.strerror or exc}"
                         + ("; free some space and export again" if exc.errno == errno.ENOSPC else "")) from None
    print(f"exported {len(doc['cards'])} cards, {len(doc['reviews'])} reviews, "
          f"{len(doc['attempts'])} kata attempts, {len(doc['drafts'])} drafts and "
          f"{len(doc['mocks'])} mock interviews to {target}")
    return 0


def _check_export_target(target: Path, force: bool) -> None:
    """Refuse to replace anything but a regular file (or nothing) unless ``force``."""
    if target.is_symlink():
        if not force:
            raise CoachError(f"{target} is a symbolic link (to {os.readlink(target)}); coach will not write "
                             "through it. Give another name, or --force to replace the link with the export")
    elif target.is_dir():
        raise CoachError(f"{target} is a folder; give a file name, e.g. {target / 'coach-progress.json'}")
    elif target.exists() and not stat.S_ISREG(target.stat().st_mode) and not force:
        raise CoachError(f"{target} is not a regular file (a device, pipe or socket); give another name, "
                         "or --force to replace it")
    if not target.parent.is_dir():
        raise CoachError(f"no such folder: {target.parent}")


def _export_anki(args: argparse.Namespace) -> int:
    from coach.content.library import load_library, unknown

    target = Path(args.anki).expanduser()
    if target.suffix.lower() != ".apkg":
        raise CoachError(f"{args.anki}: an Anki package's name ends in .apkg (Anki imports nothing else)")
    _check_export_target(target, args.force)
    library = load_library()
    if args.topic and args.topic not in library.topics():
        raise CoachError(unknown("topic", args.topic, library.topics()))
    questions = [q for q in library.questions
                 if (not args.topic or q.topic == args.topic) and (not args.level or q.level == args.level)]
    if not questions:
        raise CoachError(f"no cards match --topic {args.topic} --level {args.level}", 1)
    from coach.content.anki import write_package

    remove_stale(target)
    try:
        with interruptible():  # SIGTERM or SIGHUP mid-write: the temp file is removed
            written = write_package(questions, {d.topic: d.title for d in library.decks}, target)
    except OSError as exc:
        raise CoachError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"exported {written.notes} cards in {len(written.decks)} deck{'s' if len(written.decks) != 1 else ''} "
          f"to {target}; import it in Anki (File > Import): importing a newer export updates these notes")
    return 0


def run_import(args: argparse.Namespace) -> int:
    path = Path(args.path).expanduser()
    if path.is_dir():
        from coach.commands.exercism import run_exercism_import

        return run_exercism_import(path)
    if not path.exists():
        raise CoachError(f"no such file or folder: {args.path}")
    from coach.practice.transfer import merge, read

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CoachError(f"{path} is not a coach progress file (not JSON: {exc})") from None
    tables = read(doc)  # a bad value refuses the file before the store is opened
    with open_store(write=True) as store:
        changed = merge(store, tables)
    if not any(changed.values()):
        print(f"nothing new in {path}: your progress already holds all of it")
    else:
        print(f"imported {changed['cards']} card schedules, {changed['reviews']} reviews, "
              f"{changed['attempts']} kata attempts, {changed['drafts']} drafts, {changed['kata_cards']} kata "
              f"schedules, {changed['kata_sessions']} kata sessions and {changed['mocks']} mock interviews "
              f"({changed['mock_answers']} answers) from {path}")
    return 0
