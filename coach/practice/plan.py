"""Today's plan: what to practise within a time budget.

:func:`build_plan` fills ``minutes`` with, in order of priority:

1. the cards due today (up to half the budget), timed with the user's own
   answer times (the median ``reviews.duration_ms`` of their last reviews;
   :data:`DEFAULT_CARD_SECONDS` before there are :data:`MIN_TIMED_REVIEWS`);
2. focus cards: topics a caller asks for (see :class:`Focus`), drilled as
   practice (cram: schedules stay as they are); a focus item counts the
   topic's cards reviewed today as done, and is done at its size;
3. one kata: a focus kata, else the due kata the user is weakest at (lowest
   predicted recall), else the next new kata in curriculum order (easy before
   hard, shorter first), preferring one that trains the weakest topic; its
   time is the user's best time on it, else the kata's suggested minutes;
4. new cards, within today's new-card limit, with the time left.

The items' minutes add up to at most the budget. One kata a day: once a kata
session was rated (or a kata passed) today, the kata item is marked done.
The plan also names the weakest topic and why (lowest predicted recall a
week out, then most lapses).

A later feature (a mock interview) adds weak areas to tomorrow's plan by
passing ``focus=Focus(topics=(...), katas=(...), reason="mock interview
Tuesday")``: focus topics become ``"focus"`` items drilled before new
cards, focus katas are chosen before any other kata. Store the findings
where that feature likes and pass them in; this module only reads them.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field

from fsrs import Scheduler

from coach.content.library import Library
from coach.content.models import DIFFICULTIES, Kata
from coach.practice import katasched
from coach.practice.counts import card_counts
from coach.practice.queue import DAY, start_of_day
from coach.practice.scheduler import make_scheduler, retrievability
from coach.practice.stats import MASTERY_DAYS, _topics
from coach.practice.store import Store

DEFAULT_MINUTES = 30
DEFAULT_CARD_SECONDS = 20.0
MIN_TIMED_REVIEWS = 10
TIMED_REVIEWS = 200  # the answer times looked at
FOCUS_CARDS = 10  # cards per focus topic at most
KATA_MINUTES = {"easy": 15, "medium": 20, "hard": 30}  # a kata without suggested minutes
_GENERIC = {"basics", "advanced", "intermediate", "modern", "real", "data", "cheat", "sheet", "design"}


@dataclass(frozen=True)
class Focus:
    """Topics (deck topic ids) and katas (slugs) to put first, and why."""

    topics: tuple[str, ...] = ()
    katas: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class PlanItem:
    kind: str  # "cards", "focus" or "kata"
    minutes: int
    count: int = 0  # cards to review (cards, focus)
    due: int = 0
    new: int = 0
    done: int = 0  # cards reviewed today already (cards, focus); 1 when today's kata is done (kata)
    topic: str | None = None  # focus
    kata: str | None = None  # kata slug
    title: str = ""
    why: str = ""

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        """The same step in a plan built later: its kind, and its topic or kata."""
        return self.kind, self.topic, self.kata

    @property
    def finished(self) -> bool:
        return bool(self.done) if self.kind == "kata" else not self.count

    def to_dict(self) -> dict:
        common = {"kind": self.kind, "minutes": self.minutes}
        if self.kind == "kata":
            return {**common, "kata": self.kata, "title": self.title, "why": self.why, "done": bool(self.done)}
        if self.kind == "focus":
            return {**common, "topic": self.topic, "title": self.title, "cards": self.count, "why": self.why,
                    "done_today": self.done, "practice": True}
        return {**common, "cards": self.count, "due": self.due, "new": self.new, "done_today": self.done}


@dataclass
class Weakest:
    topic: str
    title: str
    mastery: float
    lapses: int
    reason: str


@dataclass
class Plan:
    minutes: int
    items: list[PlanItem] = field(default_factory=list)
    weakest: Weakest | None = None
    seconds_per_card: float = DEFAULT_CARD_SECONDS
    timed_from: int = 0  # reviews the card time comes from (0: the default)

    @property
    def planned(self) -> int:
        return sum(item.minutes for item in self.items)

    def left(self, among: list[PlanItem] | None = None) -> list[PlanItem]:
        """The steps still to do, in order; ``among``: only these (steps of an earlier build of
        the plan, as they stand in this one)."""
        keys = None if among is None else {step.key for step in among}
        return [i for i in self.items if not i.finished and (keys is None or i.key in keys)]

    def item(self, kind: str) -> PlanItem | None:
        return next((i for i in self.items if i.kind == kind), None)

    def to_dict(self) -> dict:
        return {
            "minutes": self.minutes,
            "planned_minutes": self.planned,
            "items": [item.to_dict() for item in self.items],
            "weakest": vars(self.weakest) if self.weakest else None,
            "seconds_per_card": round(self.seconds_per_card, 1),
            "card_time": (f"median of your last {self.timed_from} answers" if self.timed_from
                          else f"default ({DEFAULT_CARD_SECONDS:g} s) until you have {MIN_TIMED_REVIEWS} "
                          "timed answers"),
        }


def seconds_per_card(store: Store) -> tuple[float, int]:
    """(median seconds per answer over the last reviews, how many), or the default and 0."""
    times = sorted(ms for (ms,) in store.conn.execute(
        "SELECT duration_ms FROM reviews WHERE duration_ms > 0 AND cram = 0 ORDER BY reviewed_at DESC LIMIT ?",
        (TIMED_REVIEWS,)))
    if len(times) < MIN_TIMED_REVIEWS:
        return DEFAULT_CARD_SECONDS, 0
    middle = len(times) // 2
    median = times[middle] if len(times) % 2 else (times[middle - 1] + times[middle]) / 2
    return min(300.0, max(3.0, median / 1000)), len(times)


def weakest_topic(store: Store, library: Library, now: float, scheduler: Scheduler | None = None) -> Weakest | None:
    """The seen topic with the lowest predicted recall a week out (then the most lapses)."""
    scheduler = scheduler or make_scheduler()  # the user's own parameters, if fitted
    rows = {row.card_id: row for row in store.cards()}
    later = now + MASTERY_DAYS * DAY
    found: list[tuple[float, int, str, str, int]] = []
    for topic, title, questions in _topics(library):
        seen = [rows[q.id] for q in questions if q.id in rows]
        if seen:
            mastery = sum(retrievability(scheduler, r, later) for r in seen) / len(seen)
            found.append((mastery, -sum(r.lapses for r in seen), topic, title, len(seen)))
    if not found:
        return None
    mastery, minus_lapses, topic, title, size = min(found)
    lapses = -minus_lapses
    reason = (f"lowest predicted recall in {MASTERY_DAYS} days: {math.floor(mastery * 100)}% over {size} "
              f"seen card{'s' if size != 1 else ''}")
    if lapses:
        reason += f", {lapses} lapse{'s' if lapses != 1 else ''}"
    return Weakest(topic, title, mastery, lapses, reason)


def _kata_minutes(kata: Kata, best_ms: float | None) -> int:
    if best_ms is not None:
        return max(5, math.ceil(best_ms / 60_000 * 1.2))
    return kata.minutes or KATA_MINUTES.get(kata.difficulty, 20)


def _trains(kata: Kata, weakest: Weakest | None) -> bool:
    if weakest is None:
        return False
    words = {w for w in re.split(r"[-_\s]+", weakest.topic.lower()) if w and w not in _GENERIC}
    text = " ".join(kata.topics + kata.patterns).lower()
    return any(w in text for w in words)


def _kata_candidates(store: Store, library: Library, now: float, focus: Focus,
                     weakest: Weakest | None) -> list[tuple[Kata, str]]:
    """Katas in the order the plan considers them, each with the reason."""
    schedules = katasched.schedules(store)
    passed = {k for k, info in store.kata_summary().items() if info["passes"]}
    end_of_today = start_of_day(now) + DAY
    order = {k.slug: i for i, k in enumerate(library.katas)}
    out: list[tuple[Kata, str]] = []
    by_slug = {k.slug: k for k in library.katas}
    out += [(by_slug[s], focus.reason or "asked for") for s in focus.katas if s in by_slug]
    due = [(schedules[k.slug].retrievability(now), -schedules[k.slug].row.lapses, order[k.slug], k)
           for k in library.katas if k.slug in schedules and schedules[k.slug].due < end_of_today]
    for r, _lapses, _order, kata in sorted(due, key=lambda t: t[:3]):
        out.append((kata, f"due again; predicted recall {math.floor(r * 100)}%"))
    fresh = [k for k in library.katas if k.slug not in schedules and k.slug not in passed]
    fresh.sort(key=lambda k: (DIFFICULTIES.index(k.difficulty) if k.difficulty in DIFFICULTIES else 9,
                              not _trains(k, weakest), k.minutes or 99, order[k.slug]))
    for kata in fresh:
        why = "new; next in the curriculum"
        if _trains(kata, weakest) and weakest is not None:
            why += f", trains {weakest.title}"
        out.append((kata, why))
    return out


def _kata_today(store: Store, now: float) -> str | None:
    """The kata rated or passed today, if any."""
    row = store.conn.execute(
        "SELECT kata FROM kata_sessions WHERE ended_at >= ? AND (rating IS NOT NULL OR first_pass_ms IS NOT NULL) "
        "ORDER BY ended_at DESC LIMIT 1", (start_of_day(now),)).fetchone()
    return row[0] if row else None


def _card_minutes(count: int, seconds: float) -> int:
    return math.ceil(count * seconds / 60) if count else 0


def _cards_within(count: int, seconds: float, minutes: int) -> int:
    return min(count, int(minutes * 60 // seconds))


MOCK_FOCUS_DAYS = 7  # how long a mock interview's weakest areas lead the plan


def _practised_today(store: Store, library: Library, topic: str, now: float) -> int:
    """Cards of ``topic`` reviewed today, practice (cram) included: a focus step's progress."""
    ids = {q.id for q in library.questions if q.topic == topic}
    rows = store.conn.execute("SELECT DISTINCT card_id FROM reviews WHERE reviewed_at >= ?",
                              (start_of_day(now),)).fetchall()
    return sum(1 for (qid,) in rows if qid in ids)


def mock_focus(store: Store, now: float) -> Focus:
    """The weakest areas of the latest mock interview that ended in the last week, as a focus."""
    from coach.practice.mock.db import latest_mock_focus
    from coach.practice.mock.models import FINISHED, PARTIAL

    ended = store.conn.execute("SELECT MAX(ended_at) FROM mocks WHERE status IN (?, ?)", (FINISHED, PARTIAL)).fetchone()
    if not ended or ended[0] is None or ended[0] < now - MOCK_FOCUS_DAYS * DAY:
        return Focus()
    areas = latest_mock_focus(store)
    topics = tuple(dict.fromkeys(a.topic for a in areas if a.topic))
    katas = tuple(dict.fromkeys(slug for a in areas for slug in a.katas))
    if not (topics or katas):
        return Focus()
    return Focus(topics, katas, "weak in your last mock interview")


def build_plan(store: Store, library: Library, *, minutes: int = DEFAULT_MINUTES, now: float | None = None,
               new_per_day: int = 20, focus: Focus | None = None) -> Plan:
    """Today's plan within ``minutes`` (see the module docstring). Without a ``focus``, the
    weakest areas of a mock interview of the last week lead it (:func:`mock_focus`)."""
    if minutes <= 0:
        raise ValueError("a plan needs at least one minute")
    now = time.time() if now is None else now
    focus = focus if focus is not None else mock_focus(store, now)
    seconds, timed = seconds_per_card(store)
    plan = Plan(minutes, seconds_per_card=seconds, timed_from=timed)
    plan.weakest = weakest_topic(store, library, now)
    counts = card_counts(store, (q.id for q in library.questions), now, new_per_day)
    done = store.conn.execute("SELECT COUNT(*) FROM reviews WHERE cram = 0 AND reviewed_at >= ?",
                              (start_of_day(now),)).fetchone()[0]
    left = minutes

    due = _cards_within(counts.due_today, seconds, minutes // 2 if counts.due_today else 0)
    if counts.due_today and due == 0:
        due = _cards_within(counts.due_today, seconds, minutes)
    left -= _card_minutes(due, seconds)

    titles = {topic: title for topic, title, _ in _topics(library)}
    for topic in focus.topics:
        size = sum(1 for q in library.questions if q.topic == topic)
        practised = min(_practised_today(store, library, topic, now), FOCUS_CARDS)
        count = _cards_within(max(0, min(FOCUS_CARDS, size) - practised), seconds, left // 2)
        if topic in titles and (count or practised):
            plan.items.append(PlanItem("focus", _card_minutes(count, seconds), count=count, done=practised,
                                       topic=topic, title=titles[topic], why=focus.reason or "asked for"))
            left -= plan.items[-1].minutes

    kata_item: PlanItem | None = None
    today = _kata_today(store, now)
    if today is not None:
        title = next((k.title for k in library.katas if k.slug == today), today)
        kata_item = PlanItem("kata", 0, kata=today, title=title, why="done today", done=1)
    else:
        best = katasched.best_times(store)
        for kata, why in _kata_candidates(store, library, now, focus, plan.weakest):
            need = _kata_minutes(kata, best.get(kata.slug))
            if need <= left:
                kata_item = PlanItem("kata", need, kata=kata.slug, title=kata.title, why=why)
                left -= need
                break

    new = _cards_within(counts.new_today, seconds, max(0, left))
    cards = due + new
    if cards or done:
        plan.items.insert(0, PlanItem("cards", _card_minutes(cards, seconds), count=cards, due=due, new=new,
                                      done=done))
    if kata_item is not None:
        plan.items.append(kata_item)
    return plan
