"""``coach mock``: open a mock interview, or list and export past ones without the TUI."""

from __future__ import annotations

import argparse
import errno
import json
import sys
import time
from pathlib import Path

from coach.errors import FAILED, USAGE, CoachError


def run_mock(args: argparse.Namespace) -> int:
    if args.json and not args.history:
        raise CoachError("coach mock: --json goes with --history", USAGE)
    if args.id is not None and args.export is None:
        raise CoachError("coach mock: --id N chooses the mock --export FILE writes", USAGE)
    if args.history and args.export is not None:
        raise CoachError("coach mock: give --history or --export FILE, not both", USAGE)
    if args.history:
        return _history(args.json)
    if args.export is not None:
        return _export(args.export, args.id)
    return _open(args)


def _options(args: argparse.Namespace):  # -> MockOptions
    from coach.practice.mock.plan import MockOptions

    # --minutes was checked against the real range as it was parsed (coach.cli._mock_minutes)
    return MockOptions(minutes=args.minutes, track=args.track, level=args.level, seed=args.seed)


def _open(args: argparse.Namespace) -> int:
    from coach.commands.tui import _needs_terminal
    from coach.content.library import load_library

    options = _options(args)
    library = load_library()
    if not library.questions:
        raise CoachError("coach mock: there are no questions to ask (see 'coach list questions')", FAILED)
    _needs_terminal()
    from coach.tui.app import make_app

    app = make_app(library=library, mode="mock", mock=options)
    app.run()
    if app.unsaved:
        print(f"coach: warning: not saved: {', '.join(app.unsaved)}", file=sys.stderr)
    return app.return_code or 0


def _records(store, library):  # -> list[Scorecard]
    """Every mock's scorecard, oldest first; mocks abandoned mid-way (the app was killed) are closed first."""
    from coach.practice.mock import build, db

    if store.read_only is None:
        for started in db.stale(store, time.time()):
            record = next(r for r in db.history(store) if r.started_at == started)
            record.status, record.ended_in = "partial", _last_round(record)
            record.ended_at = max([a.at for a in record.answers] + [record.started_at])
            db.finish(store, started, status=record.status, ended_at=record.ended_at, ended_in=record.ended_in,
                      focus=list(build(record, library).weakest))
    return [build(record, library) for record in db.history(store)]


def _last_round(record) -> str:
    from coach.practice.mock.plan import ROUNDS

    reached = [a.round for a in record.answers]
    return max(reached, key=ROUNDS.index) if reached else ROUNDS[0]


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def _history(as_json: bool) -> int:
    from coach.commands.progress import open_store
    from coach.content.library import load_library

    library = load_library()
    with open_store() as store:
        cards = _records(store, library)
    rows = [{
        "id": card.record.id,
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(card.record.started_at)),
        "started_at": card.record.started_at,
        "track": card.record.plan.options.track,
        "level": card.record.plan.options.level,
        "minutes": card.record.plan.options.minutes,
        "seed": card.record.plan.options.seed,
        "status": card.record.status,
        "ended_in": card.record.ended_in,
        "duration_s": None if card.record.duration is None else int(card.record.duration),
        "scores": {name: None if score is None else round(score, 3) for name, score in card.scores().items()},
        "overall": None if card.overall is None else round(card.overall, 3),
        "verdict": card.verdict,
        "weakest": [f.to_json() for f in card.weakest],
    } for card in cards]
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("No mock interviews yet: 'coach mock' starts one.")
        return 0
    print(f"{'ID':>3}  {'DATE':<16}  {'TRACK':<7}  {'LEVEL':<6}  {'STATUS':<8}  "
          f"{'WARM':>4}  {'CONC':>4}  {'CODE':>4}  {'WRAP':>4}  {'ALL':>4}  TOOK")
    for row in rows:
        scores = row["scores"]

        def pct(value: float | None) -> str:
            return "-" if value is None else f"{value:.0%}"

        print(f"{row['id']:>3}  {_when(row['started_at']):<16}  {row['track']:<7}  {row['level']:<6}  "
              f"{row['status']:<8}  {pct(scores.get('warm-up')):>4}  {pct(scores.get('concepts')):>4}  "
              f"{pct(scores.get('coding')):>4}  {pct(scores.get('wrap-up')):>4}  {pct(row['overall']):>4}  "
              f"{_clock(row['duration_s'])}")
    return 0


def _clock(seconds: float | None) -> str:
    from coach.practice.mock.scorecard import clock

    return clock(seconds)


def _export(file: str, number: int | None) -> int:
    from coach.commands.progress import _check_export_target, open_store
    from coach.content.library import load_library
    from coach.practice.atomic import interruptible, remove_stale, write_atomic
    from coach.practice.mock import build, db
    from coach.practice.mock.markdown import render

    library = load_library()
    with open_store() as store:
        _records(store, library)  # closes abandoned mocks first
        record = db.load(store, number)
    if record is None:
        if number is not None:  # a number that names no mock is bad input
            raise CoachError(f"coach mock: no mock {number} (see 'coach mock --history')", USAGE)
        raise CoachError("coach mock: no mock interview yet; 'coach mock' starts one", FAILED)
    text = render(build(record, library))
    if file == "-":
        print(text, end="")
        return 0
    target = Path(file).expanduser()
    _check_export_target(target, force=False)
    remove_stale(target)
    try:
        with interruptible():
            write_atomic(target, text)
    except OSError as exc:
        raise CoachError(f"cannot write {target}: {exc.strerror or exc}"
                         + ("; free some space and export again" if exc.errno == errno.ENOSPC else "")) from None
    print(f"wrote mock {record.id} ({record.status}) to {target}")
    return 0
