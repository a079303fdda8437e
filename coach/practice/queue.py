"""Which cards a session serves, without the scheduler (cheap to import).

Due cards first, most overdue first; then new cards in curriculum order
(basic, intermediate, advanced, design; decks in file order), within the
daily limit of new cards (a setting: ``coach.settings.new_per_day``). Suspended
cards never come, buried ones not before the next local midnight; cram mode
serves every other card in curriculum order.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from coach import settings
from coach.content.models import Question
from coach.practice.store import Store
from coach.settings import DEFAULT_NEW_PER_DAY

__all__ = ["DAY", "DEFAULT_NEW_PER_DAY", "Filters", "QuestionSet", "plan", "start_of_day", "streak", "tomorrow"]

DAY = 86_400


def start_of_day(now: float) -> float:
    """Local midnight at or before ``now``."""
    local = time.localtime(now)
    return time.mktime((local.tm_year, local.tm_mon, local.tm_mday, 0, 0, 0, 0, 0, -1))


def tomorrow(now: float) -> float:
    """The next local midnight after ``now`` (a DST change makes some days 23 or 25 hours)."""
    return start_of_day(start_of_day(now) + DAY + DAY / 2)


@dataclass
class Filters:
    """Which cards a session may serve. ``topics``, when given, is every deck a
    ``--topic`` matched (see ``Library.match_topics``); ``topic`` is one deck."""

    topic: str | None = None
    tag: str | None = None
    level: str | None = None
    topics: tuple[str, ...] = ()
    asked: str | None = None  # the --topic text as the user typed it, for messages

    def accept(self, question: Question) -> bool:
        return ((self.topic is None or question.topic == self.topic)
                and (not self.topics or question.topic in self.topics)
                and (self.tag is None or self.tag in question.tags)
                and (self.level is None or question.level == self.level))

    @property
    def empty(self) -> bool:
        return self.topic is None and self.tag is None and self.level is None and not self.topics

    def describe(self) -> str:
        """``topic 'fastapi', level 'basic'``: the filters as the user gave them."""
        parts = []
        topic = self.asked or self.topic or (", ".join(self.topics) if self.topics else None)
        if topic:
            parts.append(f"topic '{topic}'")
        if self.level:
            parts.append(f"level '{self.level}'")
        if self.tag:
            parts.append(f"tag '{self.tag}'")
        return ", ".join(parts)


def curriculum(questions: list[Question]) -> list[Question]:
    return sorted(questions, key=lambda q: (q.level_rank, q.order))


class QuestionSet:
    """Questions with the indexes a session needs, built once per library."""

    def __init__(self, questions: list[Question]) -> None:
        self.questions = questions
        self.by_id = {q.id: q for q in questions}
        self.ordered = curriculum(questions)

    def select(self, filters: Filters) -> tuple[list[Question], set[str]]:
        """The questions ``filters`` accept, in curriculum order, and their ids."""
        if filters.empty:
            return self.ordered, self.by_id.keys()  # type: ignore[return-value]
        chosen = [q for q in self.ordered if filters.accept(q)]
        return chosen, {q.id for q in chosen}


def plan(store: Store, questions: list[Question] | QuestionSet, *, filters: Filters | None = None,
         cram: bool = False, new_per_day: int | None = None,
         now: float | None = None) -> tuple[list[str], list[str]]:
    """(due ids, new ids) for a session starting at ``now``; ``new_per_day`` None: the setting."""
    bank = questions if isinstance(questions, QuestionSet) else QuestionSet(questions)
    wanted, wanted_ids = bank.select(filters or Filters())
    now = time.time() if now is None else now
    held = store.held_ids(now)
    if cram:
        return [], [q.id for q in wanted if q.id not in held]
    due = [card_id for card_id in store.due_ids(now) if card_id in wanted_ids and card_id not in held]
    limit = settings.new_per_day() if new_per_day is None else new_per_day
    room = max(0, limit - store.introduced_since(start_of_day(now)))
    new = store.unseen([q.id for q in wanted if q.id not in held], room) if room else []
    return due, new


def streak(store: Store, now: float | None = None) -> int:
    """Consecutive days with practice, ending today (or yesterday, if today is still empty)."""
    now = time.time() if now is None else now
    active = store.active_days(now - 400 * DAY)

    def day(ts: float) -> str:
        return time.strftime("%Y-%m-%d", time.localtime(ts))

    cursor = start_of_day(now) + DAY / 2
    if day(cursor) not in active:
        cursor -= DAY
    count = 0
    while day(cursor) in active:
        count += 1
        cursor -= DAY
    return count
