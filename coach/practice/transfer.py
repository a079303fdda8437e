"""Moving progress between machines: ``coach export FILE`` / ``coach import FILE``.

The file is JSON. Times are Unix seconds, written exactly as stored, so an
import recognises what it already has: reviews and attempts are keyed by
(card, time) and (kata, time), a card's schedule is replaced only by a more
recent one, a draft only by a newer one. Importing a file twice changes
nothing the second time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from coach import paths
from coach.errors import CoachError
from coach.practice.atomic import write_atomic
from coach.practice.mock import db as mock_db
from coach.practice.store import CARD_COLUMNS, CardRow, Store
from coach.practice.transfer_check import TABLES, records

FORMAT = "coach-progress"
VERSION = 1
_CARD_FIELDS = CARD_COLUMNS.split(", ")
_REVIEW_FIELDS = ["card_id", "rating", "reviewed_at", "duration_ms", "score", "cram"]
_ATTEMPT_FIELDS = ["kata", "at", "status", "passed", "total", "duration_ms", "solution_hash"]
_DRAFT_FIELDS = ["kata", "text", "updated_at"]
_HOLD_FIELDS = ["card_id", "kind", "since", "until"]  # suspended and buried cards
_KATA_CARD_FIELDS = ["kata", "state", "step", "stability", "difficulty", "due", "last_review", "introduced", "reps",
                     "lapses", "kept_draft", "kept_at"]
_SESSION_FIELDS = ["kata", "started_at", "ended_at", "runs", "tries", "failed_runs", "hints", "viewed_solution",
                   "first_pass_ms", "timed", "rating"]


def export(store: Store, drafts_dir: Path | None = None) -> dict[str, Any]:
    """Everything in ``store``, with each draft as its file in ``drafts_dir`` holds it when that is newer.

    ``drafts_dir`` is the data folder's ``drafts`` unless given.
    """
    def rows(sql: str, names: list[str]) -> list[dict]:
        return [dict(zip(names, row)) for row in store.conn.execute(sql)]

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": time.time(),
        "cards": rows(f"SELECT {CARD_COLUMNS} FROM cards ORDER BY card_id", _CARD_FIELDS),
        "reviews": rows(f"SELECT {', '.join(_REVIEW_FIELDS)} FROM reviews ORDER BY reviewed_at", _REVIEW_FIELDS),
        "attempts": rows(f"SELECT {', '.join(_ATTEMPT_FIELDS)} FROM attempts ORDER BY at", _ATTEMPT_FIELDS),
        "drafts": _latest_drafts(rows(f"SELECT {', '.join(_DRAFT_FIELDS)} FROM drafts ORDER BY kata", _DRAFT_FIELDS),
                                 drafts_dir if drafts_dir is not None else paths.data_dir() / "drafts"),
        "holds": rows(f"SELECT {', '.join(_HOLD_FIELDS)} FROM card_holds ORDER BY card_id", _HOLD_FIELDS),
        "kata_cards": rows(f"SELECT {', '.join(_KATA_CARD_FIELDS)} FROM kata_cards ORDER BY kata", _KATA_CARD_FIELDS),
        "kata_sessions": rows(f"SELECT {', '.join(_SESSION_FIELDS)} FROM kata_sessions ORDER BY started_at",
                              _SESSION_FIELDS),
        **mock_db.export_rows(store),
    }


def _latest_drafts(stored: list[dict], folder: Path) -> list[dict]:
    """The store's copies of the drafts, each replaced by its file when the file differs and is newer.

    The file is what the user edits, in coach or in any editor (coach copies it into
    the store only when it saves or notices a change), so an edit made while coach was
    closed is only in the file; its time is the file's modification time. A draft file
    coach never copied (the copy failed) travels too. A copy imported from another
    machine that is newer than the file stays, as import would keep it.
    """
    drafts = {d["kata"]: d for d in stored}
    try:
        files = sorted(p for p in folder.glob("*.py") if p.is_file() and not p.name.startswith("."))
    except OSError:
        files = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
            mtime = file.stat().st_mtime
        except (OSError, UnicodeDecodeError):
            continue  # unreadable: the store's copy is the best there is
        mine = drafts.get(file.stem)
        if mine is None or (text != mine["text"] and mtime > mine["updated_at"]):
            drafts[file.stem] = {"kata": file.stem, "text": text, "updated_at": mtime}
    return [drafts[kata] for kata in sorted(drafts)]


def check(doc: Any) -> None:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CoachError("not a coach progress file (it has no \"format\": \"coach-progress\")")
    version = doc.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise CoachError(f"this progress file has version {version!r}; this coach reads version {VERSION} "
                         "or older")


def read(doc: Any) -> dict[str, list[tuple]]:
    """Every table of a progress file, each record checked (see :mod:`coach.practice.transfer_check`).

    Raises :class:`CoachError` naming the first bad record and field; nothing is written.
    """
    check(doc)
    return {key: records(doc, key) for key in TABLES}


def import_(store: Store, doc: Any) -> dict[str, int]:
    """Check all of ``doc``, then merge it into ``store`` in one transaction; returns what changed."""
    return merge(store, read(doc))


def merge(store: Store, tables: dict[str, list[tuple]], drafts_dir: Path | None = None) -> dict[str, int]:
    """Merge what :func:`read` made of a progress file into ``store`` in one transaction.

    A draft the file brings that is newer than its file in ``drafts_dir`` (the data
    folder's ``drafts`` unless given) also replaces that file, which is what the
    workbench opens; the old file is kept beside it as ``.<kata>.py.before-import``.
    """
    newer: list[tuple[str, str, float]] = []
    cards = [CardRow(*r) for r in tables["cards"]]
    reviews, attempts, drafts = tables["reviews"], tables["attempts"], tables["drafts"]
    holds, mocks, mock_answers = tables["holds"], tables["mocks"], tables["mock_answers"]
    kata_cards, sessions = tables["kata_cards"], tables["kata_sessions"]
    changed = {"cards": 0, "reviews": 0, "attempts": 0, "drafts": 0, "kata_cards": 0, "kata_sessions": 0,
               "holds": 0, "mocks": 0, "mock_answers": 0}
    with store.transaction() as conn:
        for card in cards:
            mine = store.card(card.card_id)
            if mine is not None and (card.last_review or 0) <= (mine.last_review or 0):
                continue
            if mine is not None:
                card = CardRow(**{**vars_of(card), "introduced": min(card.introduced, mine.introduced)})
            conn.execute(f"INSERT OR REPLACE INTO cards ({CARD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         tuple(vars_of(card).values()))
            changed["cards"] += 1
        for review in reviews:
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO reviews ({', '.join(_REVIEW_FIELDS)}) VALUES (?,?,?,?,?,?)",
                review[:5] + (review[5] or 0,))
            changed["reviews"] += cursor.rowcount
        for attempt in attempts:
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO attempts ({', '.join(_ATTEMPT_FIELDS)}) VALUES (?,?,?,?,?,?,?)", attempt)
            changed["attempts"] += cursor.rowcount
        for kata, text, updated_at in drafts:
            row = conn.execute("SELECT updated_at FROM drafts WHERE kata = ?", (kata,)).fetchone()
            if row is None or row[0] < updated_at:
                conn.execute("INSERT OR REPLACE INTO drafts (kata, text, updated_at) VALUES (?, ?, ?)",
                             (kata, text, updated_at))
                changed["drafts"] += 1
                newer.append((kata, text, updated_at))
        for card_id, kind, since, until in holds:  # a newer suspension or burial wins
            row = conn.execute("SELECT since FROM card_holds WHERE card_id = ?", (card_id,)).fetchone()
            if row is None or row[0] < since:
                conn.execute("INSERT OR REPLACE INTO card_holds (card_id, kind, since, until) VALUES (?, ?, ?, ?)",
                             (card_id, kind, since, until))
                changed["holds"] += 1
        for kata_card in kata_cards:  # a kata's schedule: the more recently reviewed one wins
            row = conn.execute("SELECT last_review FROM kata_cards WHERE kata = ?", (kata_card[0],)).fetchone()
            if row is None or (row[0] or 0) < (kata_card[6] or 0):
                conn.execute(f"INSERT OR REPLACE INTO kata_cards ({', '.join(_KATA_CARD_FIELDS)}) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", kata_card)
                changed["kata_cards"] += 1
        for session in sessions:
            counts = tuple(0 if v is None else v for v in session[3:8])
            cursor = conn.execute(f"INSERT OR IGNORE INTO kata_sessions ({', '.join(_SESSION_FIELDS)}) "
                                  "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                  session[:3] + counts + (session[8], session[9] or 0, session[10]))
            changed["kata_sessions"] += cursor.rowcount
        changed["mocks"], changed["mock_answers"] = mock_db.import_rows(conn, mocks, mock_answers)
    _update_draft_files(newer, drafts_dir if drafts_dir is not None else paths.data_dir() / "drafts")
    return changed


def _update_draft_files(drafts: list[tuple[str, str, float]], folder: Path) -> None:
    """Imported drafts newer than their files replace them (the old text kept aside, hidden)."""
    for kata, text, updated_at in drafts:
        file = folder / f"{kata}.py"
        try:
            if not file.is_file() or file.stat().st_mtime >= updated_at:
                continue  # no file (the store's copy is opened), or the file is the newer one
            if file.read_bytes() == text.encode("utf-8", "surrogateescape"):
                continue
            os.replace(file, folder / f".{kata}.py.before-import")  # a kill next: no file, the store's copy opens
            write_atomic(file, text)
        except OSError:
            continue  # the store has it; the workbench offers the newer copy when the file cannot be read


def vars_of(card: CardRow) -> dict[str, Any]:
    return {name: getattr(card, name) for name in _CARD_FIELDS}
