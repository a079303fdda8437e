"""The mock tables of the progress store: every statement about mocks is here.

A mock is keyed by its start time (Unix seconds) across machines, as reviews
and attempts are; ``id`` is the local number ``coach mock --export --id N``
uses. Each answer is written when it is submitted, so a crash loses at most
the one being typed; a mock left ``running`` (the app was killed) is closed as
partial by :func:`close_stale`.
"""

from __future__ import annotations

import json
from typing import Any

from coach.practice.mock.models import FINISHED, PARTIAL, RUNNING, Answer, Focus, MockRecord
from coach.practice.mock.plan import History, Plan
from coach.practice.store import Store

MOCK_FIELDS = ["started_at", "ended_at", "status", "ended_in", "track", "level", "minutes", "seed", "plan", "focus"]
ANSWER_FIELDS = ["mock", "round", "kind", "position", "item", "prompt", "answer", "score", "detail", "at"]
STALE_AFTER = 600.0  # seconds past a mock's time boxes before a running one counts as abandoned


def start(store: Store, plan: Plan, started_at: float) -> None:
    o = plan.options
    with store.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO mocks (started_at, status, track, level, minutes, seed, plan) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (started_at, RUNNING, o.track, o.level, o.minutes, o.seed, json.dumps(plan.to_json())))


def save_answer(store: Store, started_at: float, answer: Answer) -> None:
    """Store (or replace: the code is saved again after every run) one answer."""
    with store.transaction() as conn:
        conn.execute(f"INSERT OR REPLACE INTO mock_answers ({', '.join(ANSWER_FIELDS)}) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (started_at, answer.round, answer.kind, answer.position, answer.item, answer.prompt,
                      answer.text, answer.score, json.dumps(answer.detail), answer.at))


def finish(store: Store, started_at: float, *, status: str, ended_at: float, ended_in: str | None,
           focus: list[Focus]) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE mocks SET status = ?, ended_at = ?, ended_in = ?, focus = ? WHERE started_at = ?",
                     (status, ended_at, ended_in, json.dumps([f.to_json() for f in focus]), started_at))


def mock_id(store: Store, started_at: float) -> int | None:
    row = store.conn.execute("SELECT id FROM mocks WHERE started_at = ?", (started_at,)).fetchone()
    return row[0] if row else None


def _record(store: Store, row: tuple) -> MockRecord:
    mock_id_, started_at, ended_at, status, ended_in, plan, focus = row
    answers = [Answer(r, kind, pos, item, prompt, text, score, json.loads(detail), at)
               for r, kind, pos, item, prompt, text, score, detail, at in store.conn.execute(
                   "SELECT round, kind, position, item, prompt, answer, score, detail, at FROM mock_answers "
                   "WHERE mock = ? ORDER BY at, position", (started_at,))]
    return MockRecord(started_at=started_at, plan=Plan.from_json(json.loads(plan)), answers=answers,
                      status=status, ended_at=ended_at, ended_in=ended_in,
                      focus=[Focus.from_json(f) for f in json.loads(focus or "[]")], id=mock_id_)


_SELECT = "SELECT id, started_at, ended_at, status, ended_in, plan, focus FROM mocks"


def load(store: Store, number: int | None = None) -> MockRecord | None:
    """Mock number ``number``, or the latest when None."""
    if number is None:
        row = store.conn.execute(f"{_SELECT} ORDER BY started_at DESC LIMIT 1").fetchone()
    else:
        row = store.conn.execute(f"{_SELECT} WHERE id = ?", (number,)).fetchone()
    return _record(store, row) if row else None


def history(store: Store) -> list[MockRecord]:
    """Every mock, oldest first."""
    return [_record(store, row) for row in store.conn.execute(f"{_SELECT} ORDER BY started_at").fetchall()]


def stale(store: Store, now: float) -> list[float]:
    """Start times of mocks still ``running`` long after their time boxes ended (the app was killed)."""
    rows = store.conn.execute("SELECT started_at, minutes FROM mocks WHERE status = ?", (RUNNING,)).fetchall()
    return [started for started, minutes in rows if started + minutes * 60 + STALE_AFTER < now]


def latest_mock_focus(store: Store) -> list[Focus]:
    """The weakest areas of the latest mock that ended (finished or partial), weakest first.

    Each :class:`Focus` names a deck topic (``focus.topic``) or a kata area,
    with the card ids (``cards``) and kata slugs (``katas``) to practise next:
    the daily plan puts these first. Empty when no mock has ended yet.
    """
    row = store.conn.execute("SELECT focus FROM mocks WHERE status IN (?, ?) AND focus IS NOT NULL "
                             "ORDER BY started_at DESC LIMIT 1", (FINISHED, PARTIAL)).fetchone()
    if not row:
        return []
    try:
        return [Focus.from_json(f) for f in json.loads(row[0])]
    except (ValueError, KeyError, TypeError):
        return []


def last_seen(store: Store) -> tuple[frozenset[str], list[Focus]]:
    """The card ids and kata slug the latest mock showed, and its weakest areas."""
    row = store.conn.execute("SELECT plan FROM mocks ORDER BY started_at DESC LIMIT 1").fetchone()
    if not row:
        return frozenset(), []
    plan = Plan.from_json(json.loads(row[0]))
    seen = {q.id for q in (*plan.warmup, *plan.concepts)} | ({plan.kata.slug} if plan.kata else set())
    return frozenset(seen), latest_mock_focus(store)


# -- moving mocks between machines (coach export / coach import) -----------------
def export_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    def rows(sql: str, names: list[str]) -> list[dict[str, Any]]:
        return [dict(zip(names, row)) for row in store.conn.execute(sql)]

    return {"mocks": rows(f"SELECT {', '.join(MOCK_FIELDS)} FROM mocks ORDER BY started_at", MOCK_FIELDS),
            "mock_answers": rows(f"SELECT {', '.join(ANSWER_FIELDS)} FROM mock_answers ORDER BY mock, at",
                                 ANSWER_FIELDS)}


def import_rows(conn: Any, mocks: list[tuple], answers: list[tuple]) -> tuple[int, int]:
    """Merge exported rows inside the caller's transaction: a mock is added once and
    updated only when the file's copy ended and ours did not; an answer is replaced
    only by a later one. Returns (mocks changed, answers changed)."""
    changed_mocks = changed_answers = 0
    for row in mocks:
        values = dict(zip(MOCK_FIELDS, row))
        mine = conn.execute("SELECT status FROM mocks WHERE started_at = ?", (values["started_at"],)).fetchone()
        if mine is None:
            conn.execute(f"INSERT INTO mocks ({', '.join(MOCK_FIELDS)}) VALUES ({', '.join('?' * len(row))})", row)
            changed_mocks += 1
        elif mine[0] == RUNNING and values["status"] != RUNNING:
            conn.execute("UPDATE mocks SET status = ?, ended_at = ?, ended_in = ?, focus = ? WHERE started_at = ?",
                         (values["status"], values["ended_at"], values["ended_in"], values["focus"],
                          values["started_at"]))
            changed_mocks += 1
    for row in answers:
        values = dict(zip(ANSWER_FIELDS, row))
        mine = conn.execute("SELECT at FROM mock_answers WHERE mock = ? AND round = ? AND kind = ? AND position = ?",
                            (values["mock"], values["round"], values["kind"], values["position"])).fetchone()
        if mine is None or mine[0] < values["at"]:
            conn.execute(f"INSERT OR REPLACE INTO mock_answers ({', '.join(ANSWER_FIELDS)}) "
                         f"VALUES ({', '.join('?' * len(row))})", row)
            changed_answers += 1
    return changed_mocks, changed_answers


def planning_history(store: Store, topic_of: dict[str, str], *, recent: int = 500) -> History:
    """What the default (unseeded) choice leans on.

    Weak topics: those where at least 30% of the recent ratings (3 or more) were
    Again or Hard, and the last mock's weakest areas. Weak katas: attempted and
    never passed, and those the last mock named. ``topic_of`` maps card ids to topics.
    """
    seen, focus = last_seen(store)
    tally: dict[str, list[int]] = {}
    for card_id, rating in store.conn.execute(
            "SELECT card_id, rating FROM reviews ORDER BY reviewed_at DESC LIMIT ?", (recent,)):
        topic = topic_of.get(card_id)
        if topic is not None:
            tally.setdefault(topic, []).append(rating)
    weak = {t for t, ratings in tally.items()
            if len(ratings) >= 3 and sum(r <= 2 for r in ratings) * 10 >= len(ratings) * 3}
    weak |= {f.topic for f in focus if f.topic}
    katas = {slug for slug, info in store.kata_summary().items() if info["attempts"] and not info["passes"]}
    katas |= {slug for f in focus for slug in f.katas}
    return History(weak_topics=frozenset(weak), weak_katas=frozenset(katas), last_seen=seen)
