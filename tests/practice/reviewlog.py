"""A plausible review log, for ``coach optimize``'s tests and bench/optimize.py.

A simulated learner whose memory follows FSRS with parameters of its own (not
the defaults: it forgets faster at first and keeps easy cards longer) drills
with coach's scheduler (the default parameters): a batch of new cards each
morning, every due card when it falls due (learning steps minutes apart the
same day, reviews on later days, nights skipped). Each review is recalled with
the learner's own predicted probability, a slip now and then; a recall is
Good mostly, sometimes Hard or Easy. The rows go in through
``Store.record_review``, as a session would write them.
"""

from __future__ import annotations

import heapq
import time
from datetime import UTC, datetime
from random import Random

from fsrs import Card, Rating, Scheduler

from coach.practice.scheduler import next_row
from coach.practice.store import CardRow, Store

START = 1_767_254_400.0  # 2026-01-01 08:00 UTC
LEARNER = (0.1, 0.6, 1.8, 12.0, 6.8, 0.7, 2.6, 0.01, 1.5, 0.12, 0.9, 1.9, 0.09, 0.3, 1.8, 0.4, 2.4, 0.5, 0.1,
           0.05, 0.25)


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


def _awake(ts: float) -> float:
    """``ts``, or 9:00 the next morning (local time) when it falls in the night."""
    local = time.localtime(ts)
    if 8 <= local.tm_hour < 22:
        return ts
    day = ts + (86_400 if local.tm_hour >= 22 else 0)
    morning = time.localtime(day)
    return time.mktime((morning.tm_year, morning.tm_mon, morning.tm_mday, 9, 0, 0, 0, 0, -1))


def generate(store: Store, reviews: int = 1000, *, new_per_day: int = 12, seed: int = 7,
             start: float = START) -> int:
    """Write ``reviews`` reviews into ``store``; returns how many it wrote."""
    rng = Random(seed)
    learner = Scheduler(parameters=LEARNER, enable_fuzzing=False)
    coach = Scheduler(enable_fuzzing=False)
    minds: dict[str, Card] = {}
    rows: dict[str, CardRow | None] = {}
    queue: list[tuple[float, str]] = []
    written, introduced, day = 0, 0, 0
    while written < reviews:
        morning = _awake(start + day * 86_400)
        while not queue or queue[0][0] > morning + 86_400:  # each morning, a batch of new cards
            for i in range(new_per_day):
                card_id = f"gen-{introduced:04d}"
                introduced += 1
                rows[card_id], minds[card_id] = None, Card(card_id=introduced)
                heapq.heappush(queue, (morning + 60 * i, card_id))
            day += 1
            morning = _awake(start + day * 86_400)
        due, card_id = heapq.heappop(queue)
        at = _awake(due + rng.uniform(0, 600))
        mind = minds[card_id]
        recall = learner.get_card_retrievability(mind, _dt(at)) if mind.last_review else 0.75
        rating = 1 if rng.random() > recall * 0.97 else rng.choices((2, 3, 4), (0.15, 0.7, 0.15))[0]
        minds[card_id], _ = learner.review_card(mind, Rating(rating), review_datetime=_dt(at))
        row = next_row(coach, card_id, rating, at, rows[card_id])
        if store.record_review(row, card_id, rating, at, duration_ms=rng.randint(3_000, 30_000)) is None:
            continue  # the same card at the same second: not a review of its own
        rows[card_id] = row
        written += 1
        heapq.heappush(queue, (max(row.due, at + 60), card_id))
    return written
