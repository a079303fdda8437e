"""A visit to a kata in the workbench, and the attempts and rating it records."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.practice import katasched
from coach.practice.katasched import Evidence, SessionRecord
from coach.practice.store import CardRow, Store

if TYPE_CHECKING:
    from coach.practice.writer import Writer


IDLE_CAP = 10 * 60.0  # seconds: a longer pause counts as this much active time


def digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


class KataSession:
    """From opening a kata to leaving it: each finished run is stored as an attempt.

    Time is active time, counted from the moment the session started (``clock``,
    monotonic), so the first passing run says how long solving it took; a gap of
    more than :data:`IDLE_CAP` seconds between signs of life (:meth:`touch`: an
    edit, a run, a hint) counts as :data:`IDLE_CAP`, so a kata left open over
    lunch does not record a two-hour solve. The session keeps
    the evidence its rating is derived from (:class:`~coach.practice.katasched.Evidence`):
    runs, tries (runs with changed code), failing runs before the first pass,
    hints shown, whether the solution was viewed.

    ``rateable``: the kata is new or due, so this session ends in a rating
    (:meth:`rate`); otherwise it is practice and leaves the schedule alone.
    ``timed``: the session started from a draft that had not passed before, so
    its time to the first pass counts towards the kata's best time (a solved
    draft reopened and run again is not a new best).
    """

    def __init__(self, store: Store, slug: str, clock: Callable[[], float] = time.monotonic,
                 writer: Writer | None = None, *, wall: Callable[[], float] = time.time,
                 start_text: str | None = None) -> None:
        self.store = store
        self.slug = slug
        self.clock = clock
        self.wall = wall
        self.writer = writer  # when given, writes are queued on it instead of written here
        self.opened_at = clock()
        self._active = 0.0  # seconds of active time up to ``_last``
        self._last = self.opened_at
        self.started_at = wall()
        found = katasched.schedule(store, slug)
        self.schedule = found
        self.rateable = found is None or found.is_due(self.started_at)
        self.timed = start_text is None or digest(start_text) not in katasched.passing_hashes(store, slug)
        self.runs = 0
        self.tries = 0
        self.failed_runs = 0
        self.hints = 0
        self.viewed_solution = False
        self.first_pass_ms: float | None = None
        self.rating: int | None = None
        self._last_digest = store.conn.execute(
            "SELECT solution_hash FROM attempts WHERE kata = ? ORDER BY at DESC LIMIT 1", (slug,)).fetchone()

    def touch(self) -> None:
        """The user did something: the time since the last sign of life was active (up to the cap)."""
        now = self.clock()
        self._active += min(max(0.0, now - self._last), IDLE_CAP)
        self._last = now

    def elapsed_ms(self) -> float:
        """Active time since the session started, in ms."""
        return (self._active + min(max(0.0, self.clock() - self._last), IDLE_CAP)) * 1000

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.runs, self.tries, self.failed_runs, self.hints, self.viewed_solution,
                        self.first_pass_ms)

    @property
    def suggested(self) -> int:
        return katasched.suggest(self.evidence)

    @property
    def tried(self) -> bool:
        return self.runs > 0

    @property
    def needs_rating(self) -> bool:
        """A rateable session with runs and no rating yet: leaving should ask for one."""
        return self.rateable and self.rating is None and self.tried

    def record(self, status: str, passed: int, total: int, source: str) -> float | None:
        """Store one finished run. Returns the session's time (ms) when this run is its
        first pass, else None."""
        self.touch()
        elapsed = self.elapsed_ms()
        code = digest(source)
        at = self.wall()  # the attempt's key: a retried write is stored once
        changed = self._last_digest is None or self._last_digest[0] != code
        self._last_digest = (code,)
        self.runs += 1
        self.tries += changed
        first_pass = status == "pass" and self.first_pass_ms is None
        if first_pass:
            self.first_pass_ms = elapsed
        elif self.first_pass_ms is None:
            self.failed_runs += 1

        def write(store: Store) -> None:
            store.record_attempt(self.slug, status, passed, total, elapsed, code, at=at)

        self._submit(f"attempt at {self.slug}", write)
        if first_pass:
            self._save_session(None)  # the best time is kept even if the session is never rated
            return elapsed
        return None

    def rate(self, rating: int) -> CardRow | None:
        """Save the session with ``rating`` and the kata's new schedule. Returns the new
        schedule when written here (None when queued on the writer)."""
        self.rating = rating
        return self._save_session(rating)

    def leave(self) -> None:
        """Save an unrated session that had runs (it counts in the activity figures)."""
        if self.tried and self.rating is None:
            self._save_session(None)

    def _save_session(self, rating: int | None) -> CardRow | None:
        record = SessionRecord(self.slug, self.started_at, self.wall(), self.evidence, self.timed, rating)
        return self._submit(f"session of {self.slug}", lambda store: katasched.record_session(store, record))

    def _submit(self, label: str, job: Callable[[Store], CardRow | None]) -> CardRow | None:
        if self.writer is not None:
            self.writer.submit(label, job)
            return None
        return job(self.store)


def minutes(ms: float | None) -> str:
    """``12:05`` for a duration in ms; ``-`` for none."""
    if ms is None:
        return "-"
    seconds = int(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"
