"""Spaced repetition with the ``fsrs`` package, and the drill queue built on it.

The queue serves due cards first (most overdue first), then new cards in
curriculum order (basic before intermediate before advanced before design,
decks in file order), within a daily limit of new cards. Filters narrow it by
topic, tag and level; cram mode ignores the schedule altogether and leaves
it untouched. A session can preview what each rating would schedule, undo
its ratings one by one, and suspend or bury a card.

Fuzz (the small random change to a review interval that keeps cards learned
together from falling due together) is seeded by the card and its review
count, as Anki does, instead of py-fsrs's unseeded ``random()``: the interval
shown on a rating key before rating is then the one saved.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from random import Random
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State

from coach import settings
from coach.content.models import Question
from coach.practice.queue import DAY, Filters, QuestionSet, plan, tomorrow
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


def make_scheduler(parameters: tuple[float, ...] | None = None) -> Scheduler:
    """The FSRS scheduler: ``parameters``, else the user's own (``coach optimize``), else the defaults.

    Saved parameters that py-fsrs rejects (out of its bounds) are ignored.
    """
    chosen = parameters if parameters is not None else settings.fsrs_parameters()
    if chosen is not None:
        try:
            return Scheduler(parameters=chosen)
        except ValueError:
            if parameters is not None:
                raise
    return Scheduler()


def interval_label(seconds: float) -> str:
    """An interval as a rating key shows it: ``10m``, ``5h``, ``4d``, ``1.5mo``, ``2y``."""
    seconds = round(seconds)  # times round-trip through datetime: 60 s may come back as 59.99999
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)}h"
    days = seconds / DAY
    if days < 30:
        return f"{round(days)}d"
    value, unit = (days / 30, "mo") if days < 365 else (days / 365, "y")
    return f"{value:.1f}".removesuffix(".0") + unit


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
class Step:
    """One thing a session did that ``undo`` can take back: a rating, a suspension, a burial."""

    question: Question
    kind: str  # "rating", "suspended" or "buried"
    at: float
    queue: list[str]  # the session's queue, new cards and known row just before
    new_ids: set[str]
    known: CardRow | None
    had_known: bool
    before: CardRow | None = None  # the stored row the rating replaced (set where the write ran)
    after: CardRow | None = None  # the row the rating stored (None: cram, or not written)


@dataclass
class Drill:
    """One drilling session over ``questions`` with progress in ``store``."""

    store: Store
    questions: list[Question] | QuestionSet
    filters: Filters = field(default_factory=Filters)
    cram: bool = False
    new_per_day: int | None = None  # None: the setting (``coach.settings.new_per_day``, 20 by default)
    scheduler: Scheduler = field(default_factory=make_scheduler)
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
        self.steps: list[Step] = []  # what undo takes back, the last first

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
        step = self._step(question, "rating", now)
        self.rated += 1
        self._leave(question)
        if self.cram:
            self._write(question.id, None, rating, now, duration_ms, score)
            return Outcome(rating, None)
        compute = partial(next_row, self.scheduler, question.id, rating, now)

        def schedule(row: CardRow | None) -> CardRow:  # runs where the write runs: note what it replaced
            step.before, step.after = row, compute(row)
            return step.after

        new_row = self._write(question.id, schedule, rating, now, duration_ms, score) or compute(step.known)
        self._rows[question.id] = new_row
        if new_row.due - now <= LEARN_AHEAD:
            self.queue.append(question.id)  # still learning: see it again this session
        return Outcome(rating, new_row.due,
                       self.scheduler.get_card_retrievability(to_fsrs(new_row), _dt(now)))

    def preview(self, question: Question) -> dict[int, float]:
        """Seconds until ``question`` would be due after each rating, now (nothing is saved).

        Empty when cramming: ratings then change no schedule.
        """
        if self.cram:
            return {}
        now = self.clock()
        known = self._known(question.id)
        return {rating: next_row(self.scheduler, question.id, rating, now, known).due - now
                for rating in RATING_NAMES}

    # -- suspend, bury, undo -----------------------------------------------------
    def suspend(self, question: Question) -> None:
        """Never serve ``question`` again until it is unsuspended (``coach rapid --unsuspend``)."""
        self._hold(question, "suspended", None)

    def bury(self, question: Question) -> None:
        """Skip ``question`` until the next local midnight."""
        self._hold(question, "buried", tomorrow(self.clock()))

    def _hold(self, question: Question, kind: str, until: float | None) -> None:
        now = self.clock()
        self._step(question, kind, now)
        self._leave(question)
        self.queue = [card_id for card_id in self.queue if card_id != question.id]
        self._apply(f"{kind} {question.id}", lambda store: store.hold(question.id, kind, now, until))

    @property
    def can_undo(self) -> bool:
        return bool(self.steps)

    def undo(self) -> Step | None:
        """Take back the last rating, suspension or burial; the card is next again.

        The review row goes and the card's stored state is restored (also when
        the write is still queued: the undo is queued behind it). Returns what
        was undone, or None when there is nothing left to undo.
        """
        if not self.steps:
            return None
        step = self.steps[-1]
        card_id = step.question.id
        if step.kind == "rating":  # written first: a store that cannot be written leaves the session as it was
            self._apply(f"undo of the rating of {card_id}",
                        lambda store: store.undo_review(card_id, step.at, step.before, step.after))
            self.rated -= 1
        else:
            self._apply(f"undo of {step.kind} {card_id}", lambda store: store.release(card_id, step.kind))
        self.steps.pop()
        self.queue, self.new_ids = step.queue, step.new_ids
        if step.had_known and step.known is not None:
            self._rows[card_id] = step.known
        else:
            self._rows.pop(card_id, None)
        return step

    def _known(self, card_id: str) -> CardRow | None:
        return self._rows[card_id] if card_id in self._rows else self.store.card(card_id)

    def _step(self, question: Question, kind: str, now: float) -> Step:
        step = Step(question, kind, now, list(self.queue), set(self.new_ids), self._known(question.id),
                    question.id in self._rows)
        if self.queue[:1] != [question.id]:
            step.queue.insert(0, question.id)  # undo brings the card back first
        self.steps.append(step)
        return step

    def _leave(self, question: Question) -> None:
        if self.queue and self.queue[0] == question.id:
            self.queue.pop(0)
        self.new_ids.discard(question.id)

    def _apply(self, label: str, job: Callable[[Store], object]) -> None:
        if self.writer is None:
            job(self.store)
        else:
            self.writer.submit(label, job)

    def _write(self, card_id: str, schedule: Schedule | None, rating: int, now: float,
               duration_ms: int | None, score: float | None) -> CardRow | None:
        cram = schedule is None
        if self.writer is None:
            return self.store.record_review(schedule, card_id, rating, now, duration_ms, score, cram=cram)
        self.writer.submit(f"rating of {card_id}", lambda store: store.record_review(
            schedule, card_id, rating, now, duration_ms, score, cram=cram))
        return None


def next_row(scheduler: Scheduler, card_id: str, rating: int, now: float, row: CardRow | None) -> CardRow:
    """The card's schedule after a review rated ``rating`` at ``now`` (``row``: before it).

    With a fuzzing scheduler the review interval is fuzzed by :func:`fuzz_days`,
    seeded by the card and its review count: the same call gives the same row.
    """
    card = to_fsrs(row) if row else Card(card_id=_FSRS_ID, due=_dt(now))
    plain = scheduler if not scheduler.enable_fuzzing else Scheduler(
        parameters=scheduler.parameters, desired_retention=scheduler.desired_retention,
        learning_steps=scheduler.learning_steps, relearning_steps=scheduler.relearning_steps,
        maximum_interval=scheduler.maximum_interval, enable_fuzzing=False)
    card, _log = plain.review_card(card, Rating(rating), review_datetime=_dt(now))
    reps = (row.reps if row else 0) + 1
    due = card.due.timestamp()
    if scheduler.enable_fuzzing and card.state == State.Review:
        days = round((due - now) / DAY)
        due = now + fuzz_days(days, f"{card_id}:{reps}", scheduler.maximum_interval) * DAY
    return CardRow(
        card_id=card_id, state=int(card.state), step=card.step, stability=card.stability,
        difficulty=card.difficulty, due=due, last_review=_ts(card.last_review),
        introduced=row.introduced if row else now, reps=reps,
        lapses=(row.lapses if row else 0) + (1 if rating == AGAIN and row and row.state == State.Review else 0),
    )


def retrievability(scheduler: Scheduler, row: CardRow, now: float) -> float:
    return scheduler.get_card_retrievability(to_fsrs(row), _dt(now))


def fuzz_days(days: int, seed: str, maximum: int) -> int:
    """``days`` moved by up to a day (a week or more: up to 5%, at least 2 days), the
    same way every time for the same ``seed``; intervals under 3 days stay as they are."""
    if days < 3:
        return days
    spread = 1 if days < 7 else max(2, round(days * 0.05))
    offset = Random(zlib.crc32(seed.encode())).randint(-spread, spread)
    return max(2, min(days + offset, maximum))
