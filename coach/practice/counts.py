"""How many cards are due and new: one set of definitions for home, stats and the CLI.

- **due now**: scheduled cards whose due time has passed.
- **due today**: scheduled cards due before the next local midnight (due now included).
- **new today**: new cards the queue will still introduce today: the daily limit
  (``coach.settings.new_per_day()``) less those introduced today, at most the
  cards not yet seen.
- **not yet seen**: cards in the library with no review at all.

Cheap to import (no fsrs): the home screen counts with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from coach.practice.queue import DAY, start_of_day
from coach.practice.store import Store

LABELS = {
    "due_now": "due now",
    "due_today": "due today",
    "new_today": "new today",
    "not_seen": "not yet seen",
}


@dataclass(frozen=True, slots=True)
class CardCounts:
    due_now: int
    due_today: int
    new_today: int
    new_limit: int  # the daily limit of new cards
    not_seen: int

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    def describe(self) -> str:
        """``3 due now · 7 due today · 12 new today (of 20) · 228 not yet seen``."""
        return (f"{self.due_now} {LABELS['due_now']} · {self.due_today} {LABELS['due_today']} · "
                f"{self.new_today} {LABELS['new_today']} (of {self.new_limit}) · "
                f"{self.not_seen} {LABELS['not_seen']}")


def card_counts(store: Store, ids: Iterable[str], now: float, new_per_day: int) -> CardCounts:
    """The counts over the cards ``ids`` (the library's questions) at ``now``; suspended cards
    and cards buried until later are left out, as the drill leaves them out."""
    wanted = set(ids) - store.held_ids(now)
    end_of_today = start_of_day(now) + DAY
    due_now = due_today = seen = 0
    for card_id, due in store.conn.execute("SELECT card_id, due FROM cards"):
        if card_id not in wanted:
            continue
        seen += 1
        due_now += due <= now
        due_today += due < end_of_today
    not_seen = len(wanted) - seen
    room = max(0, new_per_day - store.introduced_since(start_of_day(now)))
    return CardCounts(due_now, due_today, min(room, not_seen), new_per_day, not_seen)
