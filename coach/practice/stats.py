"""Progress figures for ``coach stats`` and the TUI's stats screen."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from fsrs import Scheduler

from coach.content.library import Library
from coach.practice.queue import start_of_day, streak
from coach.practice.scheduler import retrievability
from coach.practice.store import Store

DAY = 86_400


@dataclass
class TopicStats:
    topic: str
    title: str
    total: int
    seen: int
    due: int
    retrievability: float | None  # mean over seen cards


@dataclass
class KataStats:
    slug: str
    title: str
    difficulty: str
    attempts: int
    solved: bool
    best_ms: float | None

    @property
    def status(self) -> str:
        return "solved" if self.solved else "attempted" if self.attempts else "new"


@dataclass
class Stats:
    topics: list[TopicStats] = field(default_factory=list)
    due_today: int = 0
    new_available: int = 0
    reviews_per_day: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, count), oldest first
    streak: int = 0
    katas: list[KataStats] = field(default_factory=list)

    @property
    def katas_solved(self) -> int:
        return sum(k.solved for k in self.katas)

    @property
    def katas_attempted(self) -> int:
        return sum(1 for k in self.katas if k.attempts)

    def to_dict(self) -> dict:
        return {
            "due_today": self.due_today,
            "new_available": self.new_available,
            "streak_days": self.streak,
            "topics": [vars(t) for t in self.topics],
            "reviews_per_day": [{"date": d, "reviews": n} for d, n in self.reviews_per_day],
            "katas": {"solved": self.katas_solved, "attempted": self.katas_attempted, "total": len(self.katas),
                      "items": [{**vars(k), "status": k.status} for k in self.katas]},
        }


def _topics(library: Library) -> list[tuple[str, str, list]]:
    """(topic, title of its first deck, questions) in deck order; decks may share a topic."""
    grouped: dict[str, tuple[str, list]] = {}
    for deck in library.decks:
        title, questions = grouped.setdefault(deck.topic, (deck.title, []))
        questions.extend(deck.questions)
    return [(topic, title, questions) for topic, (title, questions) in grouped.items()]


def _day(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(ts))


def compute(store: Store, library: Library, *, now: float | None = None, days: int = 14,
            scheduler: Scheduler | None = None) -> Stats:
    now = time.time() if now is None else now
    scheduler = scheduler or Scheduler()
    stats = Stats()
    rows = {row.card_id: row for row in store.cards()}
    end_of_today = start_of_day(now) + DAY
    for deck_topic, title, questions in _topics(library):
        seen_rows = [rows[q.id] for q in questions if q.id in rows]
        mean = (sum(retrievability(scheduler, r, now) for r in seen_rows) / len(seen_rows)) if seen_rows else None
        stats.topics.append(TopicStats(deck_topic, title, len(questions), len(seen_rows),
                                       sum(1 for r in seen_rows if r.due < end_of_today), mean))
    stats.due_today = sum(t.due for t in stats.topics)
    stats.new_available = sum(t.total - t.seen for t in stats.topics)

    first_day = start_of_day(now) - (days - 1) * DAY
    counts = dict(store.conn.execute(
        "SELECT date(reviewed_at, 'unixepoch', 'localtime') AS d, COUNT(*) FROM reviews "
        "WHERE reviewed_at >= ? GROUP BY d", (first_day,)).fetchall())
    stats.reviews_per_day = [(d, counts.get(d, 0))
                             for d in (_day(first_day + i * DAY + DAY / 2) for i in range(days))]
    stats.streak = streak(store, now)

    summary = store.kata_summary()
    for kata in library.katas:
        info = summary.get(kata.slug, {})
        stats.katas.append(KataStats(kata.slug, kata.title, kata.difficulty, info.get("attempts", 0),
                                     bool(info.get("passes")), info.get("best_ms")))
    return stats
