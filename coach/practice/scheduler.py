"""Spaced repetition with the ``fsrs`` package, and the drill queue built on it.

The queue serves due cards first (most overdue first), then new cards in
curriculum order (basic before intermediate before advanced before design,
decks in file order), within a daily limit of new cards. Filters narrow it by
topic, tag and level; cram mode ignores the schedule altogether and leaves
it untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State

from coach.content.models import Question
from coach.practice.queue import DEFAULT_NEW_PER_DAY, Filters, QuestionSet, plan
from coach.practice.store import CardRow, Schedule, Store

if TYPE_CHECKING:
    from coach.practice.writer import Writer

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}
LEARN_AHEAD = 20 * 60  # a card due again within this many seconds comes back this session


def _dt(ts: float | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, tz=UTC)


def _ts(dt: datetime | None) -> float | None:
    return None if dt is None else dt.timestamp()


# fsrs makes up a card_id (and sleeps 1 ms to keep it unique) unless given one;
# coach keys cards by question id, so any constant will do.
_FSRS_ID = 1


def to_fsrs(row: CardRow) -> Card:
    return Card(card_id=_FSRS_ID, state=State(row.state), step=row.step, stability=row.stability,
                difficulty=row.difficulty, due=_dt(row.due), last_review=_dt(row.last_review))


@dataclass
class Outcome:
    """What a rating did: when the card is due next (None when cramming)."""

    rating: int
    due: float | None
    retrievability: float | None = None


@dataclass
class Drill:
    """One drilling session over ``questions`` with progress in ``store``."""

    store: Store
    questions: list[Question] | QuestionSet
    filters: Filters = field(default_factory=Filters)
    cram: bool = False
    new_per_day: int = DEFAULT_NEW_PER_DAY
    scheduler: Scheduler = field(default_factory=Scheduler)
    clock: Callable[[], float] = time.time  # Unix seconds; tests pass a fake
    limit: int | None = None  # end the session after this many ratings (``--count``)
    writer: Writer | None = None  # queue writes off the caller's thread (the TUI's)

    def __post_init__(self) -> None:
        bank = self.questions if isinstance(self.questions, QuestionSet) else QuestionSet(self.questions)
        self.bank = bank
        self.by_id = bank.by_id
        self.matched = len(bank.select(self.filters)[0])  # cards the filters accept, due or not
        self.rated = 0
        self.queue: list[str] = self._build()
        self._rows: dict[str, CardRow] = {}  # schedules this session wrote (or queued)

    # -- the queue -------------------------------------------------------------
    def _build(self) -> list[str]:
        due, new = plan(self.store, self.bank, filters=self.filters, cram=self.cram,
                        new_per_day=self.new_per_day, now=self.clock())
        self.new_ids: set[str] = set() if self.cram else set(new)
        return due + new

    def __len__(self) -> int:
        """Cards this session will still show, ``--count`` included."""
        return min(len(self.queue), self.room)

    @property
    def room(self) -> int:
        """Ratings left before ``--count`` ends the session (unbounded without one)."""
        return len(self.queue) if self.limit is None else max(0, self.limit - self.rated)

    @property
    def planned(self) -> int:
        """Cards at the start of the session: what the progress bar counts to."""
        return self.rated + len(self)

    def next(self) -> Question | None:
        """The next card to show, or None when the session has nothing left."""
        if self.room <= 0:
            return None
        while self.queue:
            question = self.by_id.get(self.queue[0])
            if question is not None:
                return question
            self.queue.pop(0)
        return None

    def counts(self) -> tuple[int, int]:
        """(due, new) cards this session will still show, in the order it shows them,
        so ``--count`` caps them as it caps the session."""
        upcoming = self.queue[: self.room]
        new = sum(1 for card_id in upcoming if card_id in self.new_ids)
        return len(upcoming) - new, new

    # -- rating ----------------------------------------------------------------
    def rate(self, question: Question, rating: int, *, duration_ms: int | None = None,
             score: float | None = None) -> Outcome:
        """Record a review of ``question`` and move the queue on.

        The card's new schedule is computed from its row as stored at the
        moment of writing, inside the write transaction, so a second session
        rating the same card is never overwritten. With a ``writer`` the
        write is queued and this returns at once; the outcome shown is
        computed from the row as this session last knew it.
        """
        if rating not in RATING_NAMES:
            raise ValueError(f"rating must be 1-4, got {rating!r}")
        now = self.clock()
        self.rated += 1
        if self.queue and self.queue[0] == question.id:
            self.queue.pop(0)
        self.new_ids.discard(question.id)
        if self.cram:
            self._write(question.id, None, rating, now, duration_ms, score)
            return Outcome(rating, None)
        schedule = partial(next_row, self.scheduler, question.id, rating, now)
        known = self._rows[question.id] if question.id in self._rows else self.store.card(question.id)
        new_row = self._write(question.id, schedule, rating, now, duration_ms, score) or schedule(known)
        self._rows[question.id] = new_row
        if new_row.due - now <= LEARN_AHEAD:
            self.queue.append(question.id)  # still learning: see it again this session
        return Outcome(rating, new_row.due,
                       self.scheduler.get_card_retrievability(to_fsrs(new_row), _dt(now)))

    def _write(self, card_id: str, schedule: Schedule | None, rating: int, now: float,
               duration_ms: int | None, score: float | None) -> CardRow | None:
        cram = schedule is None
        if self.writer is None:
            return self.store.record_review(schedule, card_id, rating, now, duration_ms, score, cram=cram)
        self.writer.submit(f"rating of {card_id}", lambda store: store.record_review(
            schedule, card_id, rating, now, duration_ms, score, cram=cram))
        return None


def next_row(scheduler: Scheduler, card_id: str, rating: int, now: float, row: CardRow | None) -> CardRow:
    """The card's schedule after a review rated ``rating`` at ``now`` (``row``: before it)."""
    card = to_fsrs(row) if row else Card(card_id=_FSRS_ID, due=_dt(now))
    card, _log = scheduler.review_card(card, Rating(rating), review_datetime=_dt(now))
    return CardRow(
        card_id=card_id, state=int(card.state), step=card.step, stability=card.stability,
        difficulty=card.difficulty, due=card.due.timestamp(), last_review=_ts(card.last_review),
        introduced=row.introduced if row else now, reps=(row.reps if row else 0) + 1,
        lapses=(row.lapses if row else 0) + (1 if rating == AGAIN and row and row.state == State.Review else 0),
    )


def retrievability(scheduler: Scheduler, row: CardRow, now: float) -> float:
    return scheduler.get_card_retrievability(to_fsrs(row), _dt(now))
