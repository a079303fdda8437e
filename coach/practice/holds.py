"""Suspended and buried cards: the store's ``card_holds`` table."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager


class Holds:
    """The store's queries on held cards (mixed into :class:`coach.practice.store.Store`)."""

    conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def hold(self, card_id: str, kind: str, since: float, until: float | None = None) -> None:
        """Suspend a card (``kind`` 'suspended', until released) or bury it ('buried', until ``until``)."""
        if kind not in ("suspended", "buried"):
            raise ValueError(f"kind must be 'suspended' or 'buried', got {kind!r}")
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO card_holds (card_id, kind, since, until) VALUES (?, ?, ?, ?)",
                         (card_id, kind, since, until))

    def release(self, card_id: str, kind: str | None = None) -> bool:
        """Unsuspend or unbury ``card_id`` (only a hold of ``kind``, when given); False if it was not held."""
        with self.transaction() as conn:
            if kind is None:
                cursor = conn.execute("DELETE FROM card_holds WHERE card_id = ?", (card_id,))
            else:
                cursor = conn.execute("DELETE FROM card_holds WHERE card_id = ? AND kind = ?", (card_id, kind))
            return cursor.rowcount > 0

    def held_ids(self, now: float) -> set[str]:
        """Cards a session must not serve at ``now``: suspended ones, and buried ones not yet back."""
        return {card_id for (card_id,) in self.conn.execute(
            "SELECT card_id FROM card_holds WHERE kind = 'suspended' OR until > ?", (now,))}

    def suspended(self) -> list[tuple[str, float]]:
        """(card id, when it was suspended) for every suspended card, oldest first."""
        return list(self.conn.execute(
            "SELECT card_id, since FROM card_holds WHERE kind = 'suspended' ORDER BY since, card_id"))
