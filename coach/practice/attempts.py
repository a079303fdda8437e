"""A visit to a kata in the workbench, and the attempts it records."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.practice.store import Store

if TYPE_CHECKING:
    from coach.practice.writer import Writer


class KataSession:
    """From opening a kata to leaving it: each finished run is stored as an attempt.

    The time of an attempt is counted from the moment the kata was opened, so the
    first passing run says how long solving it took.
    """

    def __init__(self, store: Store, slug: str, clock: Callable[[], float] = time.monotonic,
                 writer: Writer | None = None) -> None:
        self.store = store
        self.slug = slug
        self.clock = clock
        self.writer = writer  # when given, attempts are queued on it instead of written here
        self.opened_at = clock()
        info = store.kata_summary().get(slug)
        self.solved_before = bool(info and info["passes"])

    def elapsed_ms(self) -> float:
        return (self.clock() - self.opened_at) * 1000

    def record(self, status: str, passed: int, total: int, source: str) -> float | None:
        """Store one finished run. Returns the time taken (ms) when this run solved
        the kata for the first time, else None."""
        elapsed = self.elapsed_ms()
        digest = hashlib.sha256(source.encode()).hexdigest()[:16]
        at = time.time()  # the attempt's key: a retried write is stored once

        def write(store: Store) -> None:
            store.record_attempt(self.slug, status, passed, total, elapsed, digest, at=at)

        if self.writer is not None:
            self.writer.submit(f"attempt at {self.slug}", write)
        else:
            write(self.store)
        if status == "pass" and not self.solved_before:
            self.solved_before = True
            return elapsed
        return None


def minutes(ms: float | None) -> str:
    """``12:05`` for a duration in ms; ``-`` for none."""
    if ms is None:
        return "-"
    seconds = int(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"
