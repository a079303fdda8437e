"""The progress store: one SQLite file in the data folder.

WAL mode, every write in its own ``BEGIN IMMEDIATE`` transaction, a busy
timeout so two coach processes wait for each other instead of failing, a
schema version in ``PRAGMA user_version`` with forward-only migrations.
Only a damaged file is moved aside (and kept); a locked, full, read-only or
unreadable one is left where it is (see :meth:`Store.open` and
:mod:`coach.practice.faults`); a file from a newer coach is refused.

Times are stored as Unix seconds (REAL), always UTC.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from coach import paths
from coach.practice import faults
from coach.practice.faults import StoreError
from coach.practice.holds import Holds
from coach.practice.schema import MIGRATIONS, SCHEMA_VERSION
from coach.practice.store_files import move_aside, refuse_newer, scratch_copy

__all__ = ["CARD_COLUMNS", "SCHEMA_VERSION", "CardRow", "Store", "StoreError", "default_path"]

FILE_NAME = "coach.db"


@dataclass(frozen=True, slots=True)
class CardRow:
    card_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: float
    last_review: float | None
    introduced: float
    reps: int
    lapses: int


Schedule = Callable[[CardRow | None], CardRow]
BUSY_MS = 10_000  # how long a write waits for another process's write lock

CARD_COLUMNS = "card_id, state, step, stability, difficulty, due, last_review, introduced, reps, lapses"


class Store(Holds):
    """Open with :meth:`Store.open`.

    ``notice`` says if a damaged file was moved aside. ``read_only`` is None
    when progress is being saved, else the one-line reason it is not (the
    disk is full, the file or folder is read-only, ...): reads work, and every
    write raises :class:`StoreError` with that reason.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None,
                 read_only: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.notice = notice
        self.read_only = read_only
        self._scratch: Path | None = None  # a private copy opened read-only, removed on close
        self.warning: str | None = None  # opened and writable, but trouble is near (a full disk)

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, *, wait: float = 30.0,
             on_wait: Callable[[str], None] | None = None, read_only_fallback: bool = True) -> Store:
        """Open (or create) the progress file at ``path``.

        Only a damaged file (not a database, malformed, failing its integrity
        check) is moved aside, to ``coach.db.corrupt-<time>``, and a fresh one
        started; ``notice`` says where the old one went. A file locked by
        another program is waited for up to ``wait`` seconds (``on_wait`` is
        called once, with a line to show, when the wait starts), then
        :class:`StoreError` (kind ``locked``). When the file can be read but
        not written (disk full, read-only, no permission) it is opened
        read-only and ``read_only`` says why. Anything else, and a file from
        a newer coach, raises :class:`StoreError`; the file is left alone.
        With ``read_only_fallback=False`` a file that cannot be written
        raises :class:`StoreError` too (the write queue, which only writes).
        """
        path = path or default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data folder {path.parent}: {exc.strerror or exc}",
                             faults.kind_of(exc, path.parent), path) from None
        if path.exists() and not path.is_file():
            raise StoreError(f"{path} is not a file; move it away so coach can keep progress there",
                             faults.IO, path)
        deadline = time.monotonic() + wait
        waiting = False
        while True:
            try:
                store = cls._open(path, min(0.5, max(0.05, deadline - time.monotonic())))
                if faults.low_on_space(path.parent):
                    store.warning = (f"the disk holding {path} is full: progress may not be saved "
                                     "until you free some space")
                return store
            except (sqlite3.Error, OSError, StoreError) as exc:
                if isinstance(exc, StoreError) and exc.kind == faults.NEWER:
                    raise
                kind = faults.kind_of(exc, path)
                if kind == faults.LOCKED and time.monotonic() < deadline:
                    if on_wait is not None and not waiting:
                        on_wait(f"waiting for {path}: another program is using it")
                    waiting = True
                    time.sleep(0.05)
                    continue
                error = exc
                break
        if kind == faults.CORRUPT:
            return cls._start_afresh(path, error)
        if kind == faults.LOCKED:
            raise StoreError(f"{path} is locked by another program (waited {wait:g} s); close other coach "
                             "windows or database tools using it and try again", kind, path)
        reason = faults.describe(kind, path, error)
        if not read_only_fallback:
            raise StoreError(reason, kind, path)
        if not path.is_file() or path.stat().st_size == 0:
            return cls.memory(path, f"{reason}; nothing can be saved")
        return cls._open_read_only(path, reason)

    @classmethod
    def memory(cls, path: Path, reason: str) -> Store:
        """An empty, read-only store standing in for ``path`` when it cannot be used at all."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        store = cls(conn, path)
        store._migrate(0)
        store.read_only = reason
        return store

    @classmethod
    def _start_afresh(cls, path: Path, error: BaseException) -> Store:
        """Keep a damaged file under a new name and start an empty one."""
        try:
            backup = move_aside(path)
        except OSError as exc:
            raise StoreError(f"{faults.describe(faults.CORRUPT, path, error)}, and it could not be moved "
                             f"aside ({exc.strerror or exc}); move it yourself to start afresh",
                             faults.CORRUPT, path) from None
        try:
            store = cls._open(path, 10.0)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"{faults.describe(faults.kind_of(exc, path), path, exc)} (the damaged file "
                             f"was kept as {backup})", faults.kind_of(exc, path), path) from None
        store.notice = (f"your progress file could not be read ({error}); it was moved to "
                        f"{backup}, unchanged, and a fresh one started")
        return store

    @classmethod
    def _open_read_only(cls, path: Path, reason: str) -> Store:
        """Open ``path`` for reading only; a private copy when SQLite cannot read it in place."""
        attempts: list[tuple[str, Path | None]] = [(f"{path.resolve().as_uri()}?mode=ro", None)]
        scratch = scratch_copy(path)
        if scratch is not None:
            attempts.append((f"{(scratch / path.name).as_uri()}?mode=ro", scratch))
        attempts.append((f"{path.resolve().as_uri()}?immutable=1", None))
        for uri, folder in attempts:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                refuse_newer(path, version)
                if version < SCHEMA_VERSION:
                    conn.close()
                    return cls.memory(path, f"{reason}; nothing can be saved")
                conn.execute("SELECT COUNT(*) FROM cards").fetchone()
            except sqlite3.Error:
                conn.close()
                continue
            except BaseException:
                conn.close()
                raise
            store = cls(conn, path, read_only=reason)
            store._scratch = folder
            if scratch is not None and folder is None:
                shutil.rmtree(scratch, ignore_errors=True)
            return store
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        raise StoreError(f"{reason}, and it cannot be read either", faults.IO, path)

    @classmethod
    def _open(cls, path: Path, busy: float) -> Store:
        conn = sqlite3.connect(path, timeout=busy, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy * 1000)}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            refuse_newer(path, version)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(conn, path)
            store._migrate(version)
            if version == SCHEMA_VERSION:
                check = conn.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            return store
        except BaseException:
            conn.close()
            raise

    def _migrate(self, version: int) -> None:
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            current = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for target in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {target}")

    def close(self) -> None:
        self.conn.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write; the write lock is taken at the start (no upgrade deadlock).

        Raises :class:`StoreError` (one line, with ``kind`` and ``transient``)
        when the store is read-only or SQLite cannot write: locked past the
        busy timeout, disk full, I/O error. Nothing of the transaction stays.
        """
        if self.read_only is not None:
            raise StoreError(f"not saved: {self.read_only}", faults.READ_ONLY, self.path)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise faults.store_error(exc, self.path) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolled back already (full disk, I/O error)
            if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:
                raise faults.store_error(exc, self.path) from exc
            raise

    # -- cards and reviews ---------------------------------------------------
    def card(self, card_id: str) -> CardRow | None:
        row = self.conn.execute(f"SELECT {CARD_COLUMNS} FROM cards WHERE card_id = ?", (card_id,)).fetchone()
        return CardRow(*row) if row else None

    def cards(self) -> list[CardRow]:
        return [CardRow(*r) for r in self.conn.execute(f"SELECT {CARD_COLUMNS} FROM cards")]

    def due_ids(self, now: float) -> list[str]:
        """Every card due by ``now``, most overdue first."""
        return [card_id for (card_id,) in
                self.conn.execute("SELECT card_id FROM cards WHERE due <= ? ORDER BY due", (now,))]

    def unseen(self, ids: list[str], limit: int, chunk: int = 250) -> list[str]:
        """The first ``limit`` of ``ids`` that have no card yet, looked up a chunk at a time."""
        found: list[str] = []
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            marks = ",".join("?" * len(part))
            seen = {card_id for (card_id,) in
                    self.conn.execute(f"SELECT card_id FROM cards WHERE card_id IN ({marks})", part)}
            found += [card_id for card_id in part if card_id not in seen][: limit - len(found)]
            if len(found) >= limit:
                break
        return found

    def introduced_since(self, since: float) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM cards WHERE introduced >= ?", (since,)).fetchone()[0]

    def record_review(self, schedule: CardRow | Schedule | None, card_id: str, rating: int,
                      reviewed_at: float, duration_ms: int | None = None, score: float | None = None,
                      cram: bool = False) -> CardRow | None:
        """Log a review and store the card's new schedule, in one transaction.

        ``schedule`` is the new row, or a function from the card's current row
        (None for a new card) to the new one, called inside the transaction
        so that two sessions rating the same card never overwrite each
        other. None (cramming) leaves the schedule alone. A review already
        logged (same card and time: a retried write) changes nothing.
        Returns the row stored, or None when nothing was.
        """
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO reviews (card_id, rating, reviewed_at, duration_ms, score, cram) "
                "VALUES (?, ?, ?, ?, ?, ?)", (card_id, rating, reviewed_at, duration_ms, score, int(cram)))
            if schedule is None or cursor.rowcount == 0:
                return None
            row = schedule if isinstance(schedule, CardRow) else schedule(self.card(card_id))
            conn.execute(f"INSERT OR REPLACE INTO cards ({CARD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (row.card_id, row.state, row.step, row.stability, row.difficulty, row.due,
                          row.last_review, row.introduced, row.reps, row.lapses))
            return row

    def next_due(self) -> float | None:
        """When the next scheduled card falls due (Unix seconds), or None with no cards."""
        return self.conn.execute("SELECT MIN(due) FROM cards").fetchone()[0]

    def active_days(self, since: float) -> set[str]:
        """Local dates (YYYY-MM-DD) since ``since`` with a review or a kata attempt."""
        return {day for (day,) in self.conn.execute(
            "SELECT date(reviewed_at, 'unixepoch', 'localtime') FROM reviews WHERE reviewed_at >= ? "
            "UNION SELECT date(at, 'unixepoch', 'localtime') FROM attempts WHERE at >= ?", (since, since))}

    def review_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]

    # -- katas ---------------------------------------------------------------
    def record_attempt(self, kata: str, status: str, passed: int, total: int,
                       duration_ms: float | None = None, solution_hash: str | None = None,
                       at: float | None = None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO attempts (kata, at, status, passed, total, duration_ms, solution_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kata, at if at is not None else time.time(), status, passed, total, duration_ms, solution_hash))

    def kata_summary(self) -> dict[str, dict]:
        """Per kata: attempts, passes, best (shortest) time to a pass in ms."""
        rows = self.conn.execute(
            "SELECT kata, COUNT(*), SUM(status = 'pass'), MIN(CASE WHEN status = 'pass' THEN duration_ms END), "
            "MAX(at) FROM attempts GROUP BY kata").fetchall()
        return {kata: {"attempts": n, "passes": passes or 0, "best_ms": best, "last": last}
                for kata, n, passes, best, last in rows}

    def save_draft(self, kata: str, text: str, at: float | None = None) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO drafts (kata, text, updated_at) VALUES (?, ?, ?)",
                         (kata, text, at if at is not None else time.time()))

    def draft(self, kata: str) -> str | None:
        row = self.conn.execute("SELECT text FROM drafts WHERE kata = ?", (kata,)).fetchone()
        return row[0] if row else None

    # -- undo, suspend and bury (rapid fire) --------------------------------------
    def undo_review(self, card_id: str, reviewed_at: float, before: CardRow | None,
                    after: CardRow | None) -> bool:
        """Take back the review of ``card_id`` logged at ``reviewed_at``, in one transaction.

        The review row goes; when the card's row is still ``after`` (what that
        review stored: no other session has reviewed the card since) it goes
        back to ``before`` (None: the card was new, its row goes too). A
        cram review (``after`` None) changed no schedule, so none is touched.
        Returns False when there was no such review (nothing changes).
        """
        with self.transaction() as conn:
            cursor = conn.execute("DELETE FROM reviews WHERE card_id = ? AND reviewed_at = ?", (card_id, reviewed_at))
            if cursor.rowcount == 0:
                return False
            if after is not None and self.card(card_id) == after:
                if before is None:
                    conn.execute("DELETE FROM cards WHERE card_id = ?", (card_id,))
                else:
                    conn.execute(f"INSERT OR REPLACE INTO cards ({CARD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                                 (before.card_id, before.state, before.step, before.stability, before.difficulty,
                                  before.due, before.last_review, before.introduced, before.reps, before.lapses))
            return True

    def review_log(self) -> list[tuple[str, float, int]]:
        """(card id, time, rating) of every scheduled review (cram ones left out), by card then time."""
        return list(self.conn.execute(
            "SELECT card_id, reviewed_at, rating FROM reviews WHERE cram = 0 ORDER BY card_id, reviewed_at"))



def default_path() -> Path:
    return paths.data_dir() / FILE_NAME
