"""Katas on the same FSRS scheduler as cards.

A kata session (opening a kata in the workbench until leaving it) ends in a
rating derived from what happened, which the user sees and may change before
it is saved (:func:`suggest`):

- viewed the reference solution, or left without passing: Again
- passed, but needed hints: Hard
- passed after failing runs: Good
- passed on the first run, no hints: Easy

Katas have no learning steps (a kata is not redone ten minutes later) and a
rated kata is never due again the same day: the earliest it comes back is the
next local midnight. A kata that falls due comes back from its starter; the
draft it had is set aside (``kept_draft`` in the store, and a file in
``drafts/previous/``) and stays reachable from the workbench.

Only a session on a new kata or a due one is rated; opening a kata before it
is due is practice, recorded as attempts but leaving the schedule alone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Scheduler, State

from coach import paths
from coach.practice.atomic import write_atomic
from coach.practice.queue import DAY, start_of_day
from coach.practice.scheduler import AGAIN, EASY, GOOD, HARD, RATING_NAMES, next_row, retrievability
from coach.practice.store import CardRow, Store

KATA_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
_COLUMNS = "kata, state, step, stability, difficulty, due, last_review, introduced, reps, lapses"
STATE_NAMES = {int(State.Learning): "learning", int(State.Review): "review", int(State.Relearning): "relearning"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a session showed: runs, failures before the first pass, hints, the solution."""

    runs: int = 0
    tries: int = 0  # runs with changed code
    failed_runs: int = 0  # failing runs before the first pass
    hints: int = 0
    viewed_solution: bool = False
    first_pass_ms: float | None = None  # time from the session's start to its first pass

    @property
    def passed(self) -> bool:
        return self.first_pass_ms is not None

    def describe(self) -> str:
        """``passed after 2 failing runs, 1 hint``: the evidence in words."""
        if not self.passed:
            what = "not solved this time"
        elif self.failed_runs == 0:
            what = "passed on the first run"
        else:
            what = f"passed after {self.failed_runs} failing run{'s' if self.failed_runs != 1 else ''}"
        extras = []
        if self.hints:
            extras.append(f"{self.hints} hint{'s' if self.hints != 1 else ''}")
        if self.viewed_solution:
            extras.append("after viewing the solution")
        elif self.passed and not self.hints:
            extras.append("no hints")
        return ", ".join([what, *extras])


def suggest(evidence: Evidence) -> int:
    """The rating the evidence earns (see the module docstring)."""
    if evidence.viewed_solution or not evidence.passed:
        return AGAIN
    if evidence.hints:
        return HARD
    if evidence.failed_runs:
        return GOOD
    return EASY


@dataclass(frozen=True, slots=True)
class KataSchedule:
    """A kata's place on the scheduler; ``row.card_id`` is the kata's slug."""

    row: CardRow
    kept_draft: str | None = None
    kept_at: float | None = None

    @property
    def due(self) -> float:
        return self.row.due

    @property
    def state(self) -> str:
        return STATE_NAMES.get(self.row.state, "review")

    def is_due(self, now: float) -> bool:
        return self.row.due <= now

    def comes_back(self, now: float) -> bool:
        """Due, and its draft not yet set aside since the last rating."""
        return self.is_due(now) and (self.kept_at is None or self.kept_at < (self.row.last_review or 0))

    def retrievability(self, now: float) -> float:
        return retrievability(KATA_SCHEDULER, self.row, now)


def _schedule(row: tuple) -> KataSchedule:
    return KataSchedule(CardRow(*row[:10]), row[10], row[11])


def schedules(store: Store) -> dict[str, KataSchedule]:
    """Every scheduled kata by slug."""
    return {row[0]: _schedule(row) for row in
            store.conn.execute(f"SELECT {_COLUMNS}, kept_draft, kept_at FROM kata_cards")}


def schedule(store: Store, slug: str) -> KataSchedule | None:
    row = store.conn.execute(f"SELECT {_COLUMNS}, kept_draft, kept_at FROM kata_cards WHERE kata = ?",
                             (slug,)).fetchone()
    return _schedule(row) if row else None


def next_kata_row(slug: str, rating: int, now: float, row: CardRow | None) -> CardRow:
    """The kata's schedule after a session rated ``rating``: never due before tomorrow."""
    new = next_row(KATA_SCHEDULER, slug, rating, now, row)
    tomorrow = start_of_day(now) + DAY
    if new.due < tomorrow:
        new = replace(new, due=tomorrow)
    return new


def preview(store: Store, slug: str, now: float) -> dict[int, float]:
    """When the kata would be due again for each rating (Unix seconds)."""
    found = schedule(store, slug)
    row = found.row if found else None
    return {rating: next_kata_row(slug, rating, now, row).due for rating in RATING_NAMES}


def interval_label(seconds: float) -> str:
    """``1d``, ``12d``, ``3mo``: how far ahead a due date is."""
    days = max(0.0, seconds) / DAY
    if round(days * 24) < 24:
        return f"{max(1, round(days * 24))}h"
    if days < 60:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"


@dataclass(frozen=True, slots=True)
class SessionRecord:
    kata: str
    started_at: float  # Unix seconds
    ended_at: float
    evidence: Evidence
    timed: bool  # False: the session started from a draft that had passed already
    rating: int | None = None


def record_session(store: Store, record: SessionRecord) -> CardRow | None:
    """Store a session (again, as it grows: keyed by kata and start) and, when it is
    rated, the kata's new schedule, in one transaction. Returns the schedule stored."""
    e = record.evidence
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO kata_sessions (kata, started_at, ended_at, runs, tries, failed_runs, hints, "
            "viewed_solution, first_pass_ms, timed, rating) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (record.kata, record.started_at, record.ended_at, e.runs, e.tries, e.failed_runs, e.hints,
             int(e.viewed_solution), e.first_pass_ms, int(record.timed), record.rating))
        if record.rating is None:
            return None
        found = schedule(store, record.kata)
        row = next_kata_row(record.kata, record.rating, record.ended_at, found.row if found else None)
        conn.execute(
            f"INSERT INTO kata_cards ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (kata) DO UPDATE SET "
            "state = excluded.state, step = excluded.step, stability = excluded.stability, "
            "difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review, "
            "reps = excluded.reps, lapses = excluded.lapses",
            (row.card_id, row.state, row.step, row.stability, row.difficulty, row.due, row.last_review,
             row.introduced, row.reps, row.lapses))
        return row


def previous_path(slug: str) -> Path:
    return paths.data_dir() / "drafts" / "previous" / f"{slug}.py"


def keep_previous(slug: str, text: str) -> Path | None:
    """Write the draft a returning kata had to ``drafts/previous/``; None if it cannot be written."""
    target = previous_path(slug)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    except OSError:
        return None
    return target


def set_aside(store: Store, slug: str, text: str, at: float) -> None:
    """Keep ``text`` as the kata's previous draft in the store (it travels with ``coach export``)."""
    with store.transaction() as conn:
        conn.execute("UPDATE kata_cards SET kept_draft = ?, kept_at = ? WHERE kata = ?", (text, at, slug))


# -- figures ---------------------------------------------------------------------
def best_times(store: Store) -> dict[str, float]:
    """Per kata, the shortest time to a first pass, over sessions that started from an
    unsolved draft and did not view the solution."""
    return dict(store.conn.execute(
        "SELECT kata, MIN(first_pass_ms) FROM kata_sessions WHERE first_pass_ms IS NOT NULL "
        "AND viewed_solution = 0 AND timed = 1 GROUP BY kata").fetchall())


def spoiled_passes(store: Store) -> set[str]:
    """Katas passed only in sessions where the solution was viewed first."""
    return {kata for (kata,) in store.conn.execute(
        "SELECT kata FROM kata_sessions WHERE first_pass_ms IS NOT NULL GROUP BY kata "
        "HAVING SUM(viewed_solution = 0) = 0")}


def tries(store: Store) -> dict[str, int]:
    """Per kata, runs with changed code: a run whose code differs from the run before it."""
    counts: dict[str, int] = {}
    last: dict[str, str | None] = {}
    for kata, digest in store.conn.execute("SELECT kata, solution_hash FROM attempts ORDER BY kata, at"):
        if kata not in last or digest is None or digest != last[kata]:
            counts[kata] = counts.get(kata, 0) + 1
        last[kata] = digest
    return counts


def passing_hashes(store: Store, slug: str) -> set[str]:
    return {digest for (digest,) in store.conn.execute(
        "SELECT DISTINCT solution_hash FROM attempts WHERE kata = ? AND status = 'pass' "
        "AND solution_hash IS NOT NULL", (slug,))}


def iso(ts: float | None) -> str | None:
    """ISO 8601 in UTC, to the second."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, tz=UTC).replace(microsecond=0).isoformat()


def when(ts: float, now: float) -> str:
    """``now``, ``today``, ``tomorrow``, ``in 5d``, ``Mar 3``: a due date for a list."""
    if ts <= now:
        return "now"
    days = int((start_of_day(ts) - start_of_day(now) + DAY / 2) // DAY)
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days}d"
    return time.strftime("%b %d", time.localtime(ts))
