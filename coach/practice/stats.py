"""Progress figures for ``coach stats`` and the TUI's stats screen.

Mastery is a forecast: the **predicted recall 7 days from now**, averaged over
a topic's seen cards (FSRS retrievability at now + 7 days). Unlike recall right
after a review it drops after a lapse, and it is never shown as 100% (no card
is certain a week out; percentages are rounded down). ``stable`` counts the
cards whose stability passed 21 days. ``retention`` is what happened: the
share of reviews of already-seen cards, over the last 90 days, not rated Again.

Card counts follow :mod:`coach.practice.counts`; katas follow
:mod:`coach.practice.katasched`.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field

from fsrs import Scheduler

from coach import settings
from coach.content.library import Library
from coach.practice import katasched
from coach.practice.counts import CardCounts, card_counts
from coach.practice.queue import DAY, start_of_day, streak
from coach.practice.scheduler import AGAIN, make_scheduler, retrievability
from coach.practice.store import Store

MASTERY_DAYS = 7
MASTERY_LABEL = f"predicted recall in {MASTERY_DAYS} days"
STABLE_DAYS = 21
RETENTION_DAYS = 90
HEAT_WEEKS = 26
FORECAST_DAYS = 14


@dataclass
class TopicStats:
    topic: str
    title: str
    total: int
    seen: int
    due: int  # due today
    mastery: float | None  # predicted recall MASTERY_DAYS out, mean over seen cards
    stable: int = 0  # seen cards with stability beyond STABLE_DAYS
    lapses: int = 0
    retention: float | None = None  # share of later reviews not rated Again (RETENTION_DAYS)
    reviews: int = 0  # the reviews ``retention`` is over


@dataclass
class KataStats:
    slug: str
    title: str
    difficulty: str
    attempts: int  # tries: runs with changed code
    solved: bool
    best_ms: float | None  # fastest first pass of a session that did not view the solution
    runs: int = 0
    due: float | None = None  # Unix seconds; None when not scheduled yet
    state: str = "new"  # new, or the scheduler's state (review, ...)
    solved_after_solution: bool = False  # only ever passed after viewing the solution

    @property
    def status(self) -> str:
        if self.solved:
            return "solved*" if self.solved_after_solution else "solved"
        return "attempted" if self.runs else "new"

    def to_dict(self) -> dict:
        return {**asdict(self), "status": self.status, "due": katasched.iso(self.due), "due_ts": self.due}


@dataclass
class Stats:
    counts: CardCounts
    topics: list[TopicStats] = field(default_factory=list)
    reviews_per_day: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, count), oldest first
    activity: list[tuple[str, int, int]] = field(default_factory=list)  # (date, reviews, kata sessions)
    forecast: list[tuple[str, int, int]] = field(default_factory=list)  # (date, cards due, katas due)
    streak: int = 0
    katas: list[KataStats] = field(default_factory=list)

    @property
    def due_today(self) -> int:
        return self.counts.due_today

    @property
    def katas_solved(self) -> int:
        return sum(k.solved for k in self.katas)

    @property
    def katas_attempted(self) -> int:
        """Katas run at least once, solved ones included."""
        return sum(1 for k in self.katas if k.runs)

    @property
    def katas_unsolved(self) -> int:
        """Katas run at least once and not solved yet."""
        return sum(1 for k in self.katas if k.runs and not k.solved)

    @property
    def katas_not_started(self) -> int:
        """Katas never run (solved + unsolved + not started = all)."""
        return sum(1 for k in self.katas if not k.runs and not k.solved)

    def to_dict(self) -> dict:
        return {
            **self.counts.to_dict(),
            "definitions": {
                "due_now": "scheduled cards whose due time has passed",
                "due_today": "scheduled cards due before the next local midnight (due now included)",
                "new_today": "new cards still to be introduced today, within new_limit a day",
                "not_seen": "cards never reviewed",
                "mastery": f"{MASTERY_LABEL}: mean FSRS retrievability of a topic's seen cards "
                           f"{MASTERY_DAYS} days from now",
                "stable": f"seen cards with a stability beyond {STABLE_DAYS} days",
                "katas.attempted": "katas run at least once, solved ones included",
                "katas.unsolved": "katas run at least once and not solved yet (status attempted)",
                "katas.not_started": "katas never run (solved + unsolved + not_started = total)",
                "retention": f"share of reviews of already-seen cards in the last {RETENTION_DAYS} days "
                             "not rated Again",
            },
            "streak_days": self.streak,
            "topics": [vars(t) for t in self.topics],
            "reviews_per_day": [{"date": d, "reviews": n} for d, n in self.reviews_per_day],
            "activity": [{"date": d, "reviews": r, "kata_sessions": k} for d, r, k in self.activity],
            "forecast": [{"date": d, "cards": c, "katas": k} for d, c, k in self.forecast],
            "katas": {"solved": self.katas_solved, "attempted": self.katas_attempted,
                      "unsolved": self.katas_unsolved, "not_started": self.katas_not_started, "total": len(self.katas),
                      "items": [k.to_dict() for k in self.katas]},
        }


def _topics(library: Library) -> list[tuple[str, str, list]]:
    """(topic, title of its first deck, questions) in deck order; decks may share a topic."""
    grouped: dict[str, tuple[str, list]] = {}
    for deck in library.decks:
        title, questions = grouped.setdefault(deck.topic, (deck.title, []))
        questions.extend(deck.questions)
    return [(topic, title, questions) for topic, (title, questions) in grouped.items()]


def day_key(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(ts))


def _days(first: float, count: int) -> list[str]:
    return [day_key(first + i * DAY + DAY / 2) for i in range(count)]


def _retention(store: Store, since: float) -> dict[str, tuple[int, int]]:
    """Per card: (later reviews, of them not Again) since ``since``; a card's first review is skipped."""
    out: dict[str, tuple[int, int]] = {}
    firsts = dict(store.conn.execute("SELECT card_id, MIN(reviewed_at) FROM reviews WHERE cram = 0 GROUP BY card_id"))
    for card_id, rating, at in store.conn.execute(
            "SELECT card_id, rating, reviewed_at FROM reviews WHERE cram = 0 AND reviewed_at >= ?", (since,)):
        if at == firsts.get(card_id):
            continue
        n, ok = out.get(card_id, (0, 0))
        out[card_id] = (n + 1, ok + (rating != AGAIN))
    return out


def compute(store: Store, library: Library, *, now: float | None = None, days: int = 14,
            scheduler: Scheduler | None = None, new_per_day: int | None = None) -> Stats:
    now = time.time() if now is None else now
    scheduler = scheduler or make_scheduler()  # the user's own parameters, if fitted
    limit = settings.new_per_day() if new_per_day is None else new_per_day
    stats = Stats(card_counts(store, (q.id for q in library.questions), now, limit))
    rows = {row.card_id: row for row in store.cards()}
    today = start_of_day(now)
    end_of_today = today + DAY
    later = now + MASTERY_DAYS * DAY
    retention = _retention(store, now - RETENTION_DAYS * DAY)
    for deck_topic, title, questions in _topics(library):
        seen = [rows[q.id] for q in questions if q.id in rows]
        mastery = sum(retrievability(scheduler, r, later) for r in seen) / len(seen) if seen else None
        judged = [retention[q.id] for q in questions if q.id in retention]
        n, ok = sum(j[0] for j in judged), sum(j[1] for j in judged)
        stats.topics.append(TopicStats(
            deck_topic, title, len(questions), len(seen), sum(1 for r in seen if r.due < end_of_today), mastery,
            stable=sum(1 for r in seen if (r.stability or 0) > STABLE_DAYS), lapses=sum(r.lapses for r in seen),
            retention=ok / n if n else None, reviews=n))

    first_day = today - (days - 1) * DAY
    counts = dict(store.conn.execute(
        "SELECT date(reviewed_at, 'unixepoch', 'localtime') AS d, COUNT(*) FROM reviews "
        "WHERE reviewed_at >= ? GROUP BY d", (first_day,)).fetchall())
    stats.reviews_per_day = [(d, counts.get(d, 0)) for d in _days(first_day, days)]
    stats.activity = activity(store, now)
    stats.forecast = forecast(store, library, now)
    stats.streak = streak(store, now)
    stats.katas = kata_stats(store, library)
    return stats


def activity(store: Store, now: float, weeks: int = HEAT_WEEKS) -> list[tuple[str, int, int]]:
    """(date, reviews, kata sessions) for every day of the last ``weeks`` weeks, oldest first,
    starting on a Monday. A kata session is a kata worked on that day."""
    today = start_of_day(now)
    first = today - (time.localtime(today + DAY / 2).tm_wday + 7 * (weeks - 1)) * DAY
    reviews = dict(store.conn.execute(
        "SELECT date(reviewed_at, 'unixepoch', 'localtime') AS d, COUNT(*) FROM reviews "
        "WHERE reviewed_at >= ? GROUP BY d", (first,)).fetchall())
    katas = dict(store.conn.execute(
        "SELECT d, COUNT(*) FROM (SELECT DISTINCT date(at, 'unixepoch', 'localtime') AS d, kata FROM attempts "
        "WHERE at >= ?) GROUP BY d", (first,)).fetchall())
    count = int((today - first + DAY / 2) // DAY) + 1
    return [(d, reviews.get(d, 0), katas.get(d, 0)) for d in _days(first, count)]


def forecast(store: Store, library: Library, now: float, days: int = FORECAST_DAYS) -> list[tuple[str, int, int]]:
    """(date, cards due, katas due) for today (overdue included) and the next days."""
    ids = {q.id for q in library.questions}
    slugs = {k.slug for k in library.katas}
    today = start_of_day(now)
    keys = _days(today, days)
    cards = [0] * days
    katas = [0] * days

    def slot(due: float) -> int | None:
        index = 0 if due < today + DAY else int((start_of_day(due) - today + DAY / 2) // DAY)
        return index if index < days else None

    for card_id, due in store.conn.execute("SELECT card_id, due FROM cards"):
        if card_id in ids and (i := slot(due)) is not None:
            cards[i] += 1
    for slug, sched in katasched.schedules(store).items():
        if slug in slugs and (i := slot(sched.due)) is not None:
            katas[i] += 1
    return list(zip(keys, cards, katas))


def kata_stats(store: Store, library: Library) -> list[KataStats]:
    summary = store.kata_summary()
    best = katasched.best_times(store)
    tries = katasched.tries(store)
    spoiled = katasched.spoiled_passes(store)
    schedules = katasched.schedules(store)
    out = []
    for kata in library.katas:
        info = summary.get(kata.slug, {})
        sched = schedules.get(kata.slug)
        out.append(KataStats(kata.slug, kata.title, kata.difficulty, tries.get(kata.slug, 0),
                             bool(info.get("passes")), best.get(kata.slug), runs=info.get("attempts", 0),
                             due=sched.due if sched else None, state=sched.state if sched else "new",
                             solved_after_solution=kata.slug in spoiled))
    return out


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HEAT_CHARS = "·░▒▓█"


def heat_grid(days: list[tuple[str, int, int]]) -> tuple[str, list[tuple[str, list[int]]]]:
    """A contribution graph of ``activity``: (a month header, one row per weekday of
    levels 0-4 per week, -1 past today). Each week is two columns wide."""
    totals = [r + k for _, r, k in days]
    peak = max(totals + [1])
    weeks = (len(days) + 6) // 7
    rows: list[tuple[str, list[int]]] = []
    for weekday in range(7):
        levels = []
        for week in range(weeks):
            i = week * 7 + weekday
            levels.append(-1 if i >= len(days) else 0 if totals[i] == 0 else max(1, math.ceil(4 * totals[i] / peak)))
        rows.append((WEEKDAYS[weekday], levels))
    header = [" "] * (weeks * 2)
    last = ""
    for week in range(weeks):
        month = time.strftime("%b", time.strptime(days[week * 7][0], "%Y-%m-%d"))
        if month != last:
            header[week * 2: week * 2 + 3] = list(month)
            last = month
    return "".join(header).rstrip(), rows
