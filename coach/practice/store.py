"""The progress store: one SQLite file in the data folder.

WAL mode, every write in its own ``BEGIN IMMEDIATE`` transaction, a busy
timeout so two coach processes wait for each other instead of failing, a
schema version in ``PRAGMA user_version`` with forward-only migrations.
A file that is not a usable SQLite database is moved aside and replaced; a
file from a newer coach is refused and left untouched.

Times are stored as Unix seconds (REAL), always UTC.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from coach import paths
from coach.errors import CoachError

SCHEMA_VERSION = 1
FILE_NAME = "coach.db"

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE cards (
        card_id TEXT PRIMARY KEY,        -- the question's stable id
        state INTEGER NOT NULL,          -- fsrs.State: 1 learning, 2 review, 3 relearning
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL,
        introduced REAL NOT NULL,        -- time of the first review
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX cards_due ON cards (due);
    CREATE INDEX cards_introduced ON cards (introduced);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL,         -- 1 again, 2 hard, 3 good, 4 easy
        reviewed_at REAL NOT NULL,
        duration_ms INTEGER,
        score REAL,                      -- typed-answer keyword score, 0..1
        cram INTEGER NOT NULL DEFAULT 0, -- 1: drilled outside the schedule
        UNIQUE (card_id, reviewed_at)
    );
    CREATE INDEX reviews_time ON reviews (reviewed_at);
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        kata TEXT NOT NULL,
        at REAL NOT NULL,
        status TEXT NOT NULL,            -- pass, fail or error
        passed INTEGER NOT NULL,
        total INTEGER NOT NULL,
        duration_ms REAL,                -- time spent on the kata before this run
        solution_hash TEXT,
        UNIQUE (kata, at)
    );
    CREATE INDEX attempts_kata ON attempts (kata);
    CREATE TABLE drafts (
        kata TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    """,
}


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


CARD_COLUMNS = "card_id, state, step, stability, difficulty, due, last_review, introduced, reps, lapses"


class Store:
    """Open with :meth:`Store.open`; ``notice`` says if a damaged file was replaced."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.notice = notice

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None) -> "Store":
        path = path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return cls._open(path)
        except sqlite3.DatabaseError as exc:
            backup = _move_aside(path)
            store = cls._open(path)
            store.notice = (f"your progress file could not be read ({exc}); it was moved to "
                            f"{backup} and a fresh one started")
            return store

    @classmethod
    def _open(cls, path: Path) -> "Store":
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise CoachError(
                    f"{path} was written by a newer coach (schema {version}; this coach knows "
                    f"{SCHEMA_VERSION}); upgrade coach to use it. The file was left untouched.")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(conn, path)
            store._migrate(version)
            if version == SCHEMA_VERSION:
                check = conn.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise sqlite3.DatabaseError(f"integrity check failed: {check}")
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

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write; the write lock is taken at the start (no upgrade deadlock)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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

    def record_review(self, row: CardRow | None, card_id: str, rating: int, reviewed_at: float,
                      duration_ms: int | None = None, score: float | None = None, cram: bool = False) -> None:
        """Log a review and, unless cramming, store the card's new schedule: one transaction."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO reviews (card_id, rating, reviewed_at, duration_ms, score, cram) "
                "VALUES (?, ?, ?, ?, ?, ?)", (card_id, rating, reviewed_at, duration_ms, score, int(cram)))
            if row is not None:
                conn.execute(f"INSERT OR REPLACE INTO cards ({CARD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                             (row.card_id, row.state, row.step, row.stability, row.difficulty, row.due,
                              row.last_review, row.introduced, row.reps, row.lapses))

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



def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, backup.with_name(backup.name + suffix))
    return backup
