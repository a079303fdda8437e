"""Writes to the progress store off the UI thread, in order, never dropped.

A :class:`Writer` owns a background thread with its own connection to the
progress file. The UI submits writes (a rating, a kata attempt, a draft
copy) and carries on; the thread applies them one at a time, in the order
given. A write that fails for a reason that may pass (the file is locked
past the busy timeout, the disk is full, an I/O error, a store that could
only be opened read-only) stays at the head of the queue and is retried
after a growing pause, reopening the file, so that freeing space or closing
the other program is enough. A write that fails for any other reason (a
bug, a constraint) is set aside in ``failed`` and reported; the rest go on.

The UI learns the state from :meth:`Writer.status` (any thread) or from
``on_change``, called on the writer's own thread after every attempt (so a
Textual app posts it as a message (never ``call_from_thread``, which would wait
for a UI thread that may be waiting in :meth:`flush`); set ``on_change`` to
None before :meth:`close` from the UI thread): how many writes are not
saved yet and why the oldest is stuck. Writes are safe to retry: reviews
and attempts are keyed by time, so one applied twice is stored once.

Usage::

    writer = Writer(store.path, on_change=lambda status: app.post_message(Changed(status)))
    writer.submit("rating of py-gil", lambda s: s.record_review(...))
    ...
    unsaved = writer.close(timeout=5)   # labels of writes still not saved
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coach.practice import faults
from coach.practice.faults import StoreError
from coach.practice.store import Store

Job = Callable[[Store], object]
SAVED, RETRY, FAILED = "saved", "retry", "failed"
RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)  # seconds; the last repeats


@dataclass(frozen=True)
class WriteStatus:
    """What the UI shows: ``pending`` writes not saved yet and why, ``failed`` ones given up on."""

    pending: int
    saved: int
    error: str | None = None  # why the oldest pending write has not been saved yet
    failed: tuple[str, ...] = ()  # "label: reason" for writes that cannot succeed

    @property
    def all_saved(self) -> bool:
        return self.pending == 0 and not self.failed


class Writer:
    """A queue of writes applied in order on a thread of its own (see the module docstring)."""

    def __init__(self, path: Path, *, on_change: Callable[[WriteStatus], None] | None = None,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS,
                 opener: Callable[[Path], Store] | None = None) -> None:
        self.path = path
        self.on_change = on_change
        self.retry_delays = retry_delays
        self._opener = opener or (lambda p: Store.open(p, wait=1.0, read_only_fallback=False))
        self._jobs: deque[tuple[str, Job]] = deque()
        self._cond = threading.Condition()
        self._saved = 0
        self._error: str | None = None
        self._failed: list[str] = []
        self._closing = False
        self._busy = False
        self._attempts = 0
        self._wake = False
        self._store: Store | None = None
        self._thread = threading.Thread(target=self._run, name="coach-writer", daemon=True)
        self._thread.start()

    # -- the UI's side ---------------------------------------------------------
    def submit(self, label: str, job: Job) -> None:
        """Queue ``job(store)``; ``label`` names it in messages ("rating of py-gil")."""
        with self._cond:
            if self._closing:
                raise RuntimeError("the writer is closed")
            self._jobs.append((label, job))
            self._cond.notify_all()

    def status(self) -> WriteStatus:
        with self._cond:
            return WriteStatus(len(self._jobs), self._saved, self._error, tuple(self._failed))

    def retry_now(self) -> None:
        """Skip the pause before the next retry (the user freed space, say)."""
        with self._cond:
            self._wake = True
            self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Try the pending writes now; True once all are saved.

        Returns False when the oldest write failed again (``status().error``
        says why) or ``timeout`` passed: the writes stay queued.
        """
        with self._cond:
            start = self._attempts
            self._wake = True
            self._cond.notify_all()
            self._cond.wait_for(lambda: not self._jobs or (
                self._error is not None and self._attempts > start and not self._busy), timeout)
            return not self._jobs

    def close(self, timeout: float | None = 10.0) -> list[str]:
        """Save what can be saved within ``timeout`` and stop; returns the labels not saved."""
        self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        with self._cond:
            return [label for label, _ in self._jobs] + list(self._failed)

    # -- the thread's side -----------------------------------------------------
    def _changed(self) -> None:
        if self.on_change is not None:
            with contextlib.suppress(Exception):  # a UI gone away must not stop the saving
                self.on_change(self.status())

    def _run(self) -> None:
        attempt = 0
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._jobs) or self._closing)
                if not self._jobs or (self._closing and self._error is not None):
                    break
                label, job = self._jobs[0]
                self._busy = True
            outcome, reason = self._apply(job)
            with self._cond:
                self._busy = False
                self._attempts += 1
                if outcome == RETRY:
                    self._error = reason
                else:
                    self._jobs.popleft()
                    if outcome == SAVED:
                        self._saved += 1
                    else:
                        self._failed.append(f"{label}: {reason}")
                    self._error = None
                    attempt = 0
                self._cond.notify_all()
            self._changed()
            if outcome == RETRY:
                delay = self.retry_delays[min(attempt, len(self.retry_delays) - 1)]
                attempt += 1
                with self._cond:
                    self._cond.wait_for(lambda: self._wake or self._closing, delay)
                    self._wake = False
        if self._store is not None:
            self._store.close()

    def _apply(self, job: Job) -> tuple[str, str | None]:
        """Run one job: (SAVED, None), (RETRY, why) or (FAILED, why)."""
        try:
            if self._store is None:
                store = self._opener(self.path)
                if store.read_only is not None:
                    store.close()
                    raise StoreError(f"not saved yet: {store.read_only}", faults.READ_ONLY, self.path)
                self._store = store
            job(self._store)
            return SAVED, None
        except StoreError as exc:
            if exc.kind in (faults.NEWER, faults.CORRUPT):
                return FAILED, exc.message
            if self._store is not None and not exc.transient:
                self._store.close()
                self._store = None  # reopen next time: the cause may be gone
            message = exc.message if exc.message.startswith("not saved") else f"not saved yet: {exc.message}"
            return RETRY, message
        except Exception as exc:
            return FAILED, f"{type(exc).__name__}: {exc}"
