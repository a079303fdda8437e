"""Checking a progress file before ``coach import`` writes any of it.

Every field of every record is checked against what the store and the
scheduler rely on (a time is a number of Unix seconds, a rating is 1-4, a
stability is a positive finite number, ...). The first bad value refuses the
whole file with one line naming the record and the field, e.g.
``coach import: cards[3].due: expected a time in Unix seconds (a number), got 'soon'``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from coach.errors import CoachError
from coach.practice.mock.models import CODE, END, FINISHED, FOLLOW_UP, PARTIAL, QUESTION, REVIEW, RUNNING, Focus
from coach.practice.mock.plan import Plan

# What fsrs accepts (fsrs.scheduler's STABILITY_MIN and difficulty bounds); a stability of
# a million days is far past anything a review can produce.
STABILITY_RANGE = (0.001, 1e6)
DIFFICULTY_RANGE = (1.0, 10.0)
LATEST_TIME = 253402300799.0  # 9999-12-31T23:59:59Z, the last second datetime can hold
STATES = {1: "learning", 2: "review", 3: "relearning"}


class Bad(Exception):
    """A value is not what its field needs; ``expected`` says what it should be."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


Check = Callable[[Any], Any]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def time_(value: Any) -> float:
    number = _number(value)
    if number is None or not 0 <= number <= LATEST_TIME:
        raise Bad("a time in Unix seconds (a number)")
    return value  # as written: reviews and attempts are keyed by their exact time


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad("a string")
    return value


def name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Bad("a non-empty string")
    return value


def count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Bad("a whole number, 0 or more")
    return value


def integer(low: int, high: int, what: str) -> Check:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Bad(f"{what}: a whole number from {low} to {high}")
        return value
    return check


def flag(value: Any) -> int:
    if value in (0, 1):  # True and False compare equal to 1 and 0
        return int(value)
    raise Bad("0 or 1 (or true/false)")


def rating(value: Any) -> int:
    if isinstance(value, bool) or value not in (1, 2, 3, 4):
        raise Bad("a rating: 1 (again), 2 (hard), 3 (good) or 4 (easy)")
    return int(value)


def state(value: Any) -> int:
    if isinstance(value, bool) or value not in tuple(STATES):
        raise Bad("a state: " + ", ".join(f"{n} ({label})" for n, label in STATES.items()))
    return int(value)


def between(low: float, high: float, what: str = "a number") -> Check:
    def check(value: Any) -> Any:
        number = _number(value)
        if number is None or not low <= number <= high:
            raise Bad(f"{what} from {_figure(low)} to {_figure(high)}")
        return value
    return check


def _figure(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def one_of(*choices: str) -> Check:
    def check(value: Any) -> str:
        if value not in choices:
            raise Bad("one of " + ", ".join(repr(c) for c in choices))
        return value
    return check


def json_of(parse: Callable[[Any], Any], what: str) -> Check:
    """A string holding JSON that ``parse`` accepts (it raises on anything else)."""
    def check(value: Any) -> str:
        try:
            parse(json.loads(value))
        except (TypeError, ValueError, KeyError, AttributeError):
            raise Bad(f"{what} (as a JSON string)") from None
        return value
    return check


def optional(check: Check) -> Check:
    def maybe(value: Any) -> Any:
        if value is None:
            return None
        try:
            return check(value)
        except Bad as exc:
            raise Bad(f"{exc.expected}, or null") from None
    return maybe


def _dict(doc: Any) -> dict:
    if not isinstance(doc, dict):
        raise TypeError
    return doc


def _focus(doc: Any) -> None:
    if not isinstance(doc, list):
        raise TypeError
    for item in doc:
        Focus.from_json(_dict(item))


def _schedule(row: dict[str, Any]) -> str | None:
    """What fsrs needs of a schedule in each state: the bad field's name, else None."""
    if row["state"] in (1, 3) and row["step"] is None:
        return "step"
    if row["state"] in (2, 3):
        for field in ("stability", "difficulty", "last_review"):
            if row[field] is None:
                return field
    return None


_SCHEDULE: dict[str, Check] = {
    "state": state, "step": optional(count),
    "stability": optional(between(*STABILITY_RANGE, "a stability")),
    "difficulty": optional(between(*DIFFICULTY_RANGE, "a difficulty")),
    "due": time_, "last_review": optional(time_), "introduced": time_, "reps": count, "lapses": count,
}

# Per table (the export's key): each field's check, in the export's order. A field that is
# missing counts as null; counters the store defaults to 0 may be null.
TABLES: dict[str, dict[str, Check]] = {
    "cards": {"card_id": name, **_SCHEDULE},
    "reviews": {"card_id": name, "rating": rating, "reviewed_at": time_, "duration_ms": optional(between(0, 1e12)),
                "score": optional(between(0, 1, "a score")), "cram": optional(flag)},
    "attempts": {"kata": name, "at": time_, "status": one_of("pass", "fail", "error"), "passed": count,
                 "total": count, "duration_ms": optional(between(0, 1e12)), "solution_hash": optional(text)},
    "drafts": {"kata": name, "text": text, "updated_at": time_},
    "holds": {"card_id": name, "kind": one_of("suspended", "buried"), "since": time_, "until": optional(time_)},
    "kata_cards": {"kata": name, **_SCHEDULE, "kept_draft": optional(text), "kept_at": optional(time_)},
    "kata_sessions": {"kata": name, "started_at": time_, "ended_at": time_, "runs": optional(count),
                      "tries": optional(count), "failed_runs": optional(count), "hints": optional(count),
                      "viewed_solution": optional(flag), "first_pass_ms": optional(between(0, 1e12)),
                      "timed": optional(flag), "rating": optional(rating)},
    "mocks": {"started_at": time_, "ended_at": optional(time_), "status": one_of(RUNNING, FINISHED, PARTIAL),
              "ended_in": optional(text), "track": name, "level": name, "minutes": integer(1, 24 * 60, "minutes"),
              "seed": optional(integer(-2**63, 2**63 - 1, "a seed")),
              "plan": json_of(lambda doc: Plan.from_json(_dict(doc)), "a mock plan"),
              "focus": optional(json_of(_focus, "a list of focus areas"))},
    "mock_answers": {"mock": time_, "round": name, "kind": one_of(QUESTION, FOLLOW_UP, CODE, REVIEW, END),
                     "position": count, "item": text, "prompt": text, "answer": text,
                     "score": optional(between(0, 1, "a score")), "detail": json_of(_dict, "a JSON object"),
                     "at": time_},
}


def _cross(key: str, row: dict[str, Any]) -> tuple[str, str] | None:
    """A check across fields of one record: (field, what it should be), else None."""
    if key in ("cards", "kata_cards") and (field := _schedule(row)) is not None:
        return field, f"a {field.replace('_', ' ')} (a card in state {row['state']}, {STATES[row['state']]}, has one)"
    if key == "attempts" and row["passed"] > row["total"]:
        return "passed", f"at most total ({row['total']})"
    if key == "kata_sessions" and row["ended_at"] < row["started_at"]:
        return "ended_at", f"a time no earlier than started_at ({row['started_at']})"
    return None


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def records(doc: dict[str, Any], key: str) -> list[tuple]:
    """The checked records of table ``key``, each a tuple in the export's field order."""
    fields = TABLES[key]
    items = doc.get(key, [])
    if not isinstance(items, list):
        raise CoachError(f"coach import: {key}: expected a list of records, got {_shown(items)}")
    out = []
    for index, item in enumerate(items):
        where = f"{key}[{index}]"
        if not isinstance(item, dict):
            raise CoachError(f"coach import: {where}: expected an object (a record), got {_shown(item)}")
        row = {}
        for field, check in fields.items():
            value = item.get(field)
            try:
                row[field] = check(value)
            except Bad as exc:
                got = "nothing (the field is missing)" if field not in item else _shown(value)
                raise CoachError(f"coach import: {where}.{field}: expected {exc.expected}, got {got}") from None
        if (bad := _cross(key, row)) is not None:
            field, expected = bad
            raise CoachError(f"coach import: {where}.{field}: expected {expected}, got {_shown(row[field])}")
        out.append(tuple(row.values()))
    return out
