"""One grading run: feed the job to workers, read their events, decide the verdict.

Iterate :meth:`Run.events` for progress as the tests run; :meth:`Run.cancel`
may be called from another thread. Runs are made by :class:`coach.grading.grader.Grader`.

The first worker lists the suite's tests before it imports the solution (the
plan), then runs them. Each test has its own time limit; a worker stuck past
it is killed, the test is an error naming the limit and the last line that
ran, and a fresh worker goes on with the tests that have not run yet.
"""

from __future__ import annotations

import math
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator

from coach.content.models import Kata, Limits
from coach.content.suite import Suite
from coach.grading import protocol, verdict
from coach.grading.events import Event, RunFinished, RunResult, RunStarted, RunState
from coach.grading.pool import Worker
from coach.grading.segment import Output, Segment

MAX_RESTARTS = 5  # fresh workers one run may take after killed ones
# The next spare worker starts when a run ends, or after this many seconds of it: a
# starting worker (importing pytest) would compete for the CPU with a short run
SPARE_AFTER = 0.5


class Run:
    """One grading run. Iterate :meth:`events`, or call :meth:`result`."""

    def __init__(self, worker: Worker, kata: Kata, suite: Suite, limits: Limits, *,
                 test_files: tuple[str, ...] = (), on_close: Callable[[Worker], None] | None = None,
                 on_start: Callable[[], None] | None = None,
                 next_worker: Callable[[], Worker] | None = None,
                 plan: protocol.Plan | None = None,
                 on_plan: Callable[[protocol.Plan], None] | None = None) -> None:
        self.worker = worker
        self.workers = [worker]
        self.kata = kata
        self.suite = suite
        self.limits = limits
        self.test_files = test_files or (kata.test_file,)
        self.token = secrets.token_hex(16)
        self.wake_r, self.wake_w = os.pipe()
        self.cancel_requested = threading.Event()
        self._on_close = on_close
        self._on_start = on_start
        self._next_worker = next_worker
        self._result: RunResult | None = None
        self._iterator: Iterator[Event] | None = None
        self._plan = plan  # the suite's plan from an earlier run of the same files
        self.on_plan_listed = on_plan
        self.spare_due = math.inf  # when to start the next spare (see SPARE_AFTER)

    # -- control -------------------------------------------------------------
    def cancel(self) -> None:
        """Stop the run from any thread; it finishes with status error, 'cancelled'."""
        if not self.cancel_requested.is_set():
            self.cancel_requested.set()
            try:
                os.write(self.wake_w, b"x")
            except OSError:
                pass

    def result(self) -> RunResult:
        for _ in self.events():
            pass
        assert self._result is not None
        return self._result

    def events(self) -> Iterator[Event]:
        if self._iterator is None:
            self._iterator = self._events()
        return self._iterator

    def first_job_sent(self) -> None:
        """The next spare starts once this run has had its go (see SPARE_AFTER)."""
        self.spare_due = time.monotonic() + SPARE_AFTER

    def start_spare(self) -> None:
        self.spare_due = math.inf
        if self._on_start is not None:
            on_start, self._on_start = self._on_start, None
            on_start()

    # -- the loop ------------------------------------------------------------
    def _events(self) -> Iterator[Event]:
        started = time.perf_counter()
        state = RunState()
        yield RunStarted(tuple(t.name for t in self.suite.tests))
        deadline = time.monotonic() + self.limits.time
        output = Output(self.limits.output * 1024)
        segment = Segment(self, self.worker, state, output, plan=self._plan is None, only=None)
        if self._plan is not None:
            yield from segment.apply_plan(self._plan)
        restarts = 0
        try:
            while True:
                yield from segment.run(deadline)
                if segment.ending not in ("killed", "special") or restarts >= MAX_RESTARTS:
                    break
                remaining = verdict.remaining(state)
                if not remaining or not segment.progressed or self._next_worker is None:
                    break
                restarts += 1
                worker = self._next_worker()
                self.workers.append(worker)
                self.worker = worker
                state.done = False
                state.special = None
                main = self.test_files[0]
                only = [name if "::" in name and name.split("::", 1)[0].endswith(".py") else f"{main}::{name}"
                        for name in remaining]
                segment = Segment(self, worker, state, output, plan=False, only=only)
        finally:
            for worker in self.workers:
                worker.kill()
            self.start_spare()
        result = self._verdict(state, segment, output.text(), started)
        self._result = result
        self._close()
        yield RunFinished(result)

    def _verdict(self, state: RunState, last: Segment, raw_output: str, started: float) -> RunResult:
        status, message, rows = verdict.decide(
            state, self.suite, main_file=self.test_files[0], module=self.kata.module, limits=self.limits,
            timed_out=last.ending == "timeout", cancelled=self.cancel_requested.is_set(),
            returncode=last.returncode)
        output = "".join(state.output) + raw_output
        return RunResult(status=status, message=message, tests=tuple(rows),
                         ms=(time.perf_counter() - started) * 1000, output=output,
                         cancelled=self.cancel_requested.is_set(),
                         import_error=bool(state.import_error or (state.collect_error and not state.results)))

    def _close(self) -> None:
        for fd in (self.wake_r, self.wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
        for worker in self.workers:
            if self._on_close:
                self._on_close(worker)
            else:
                worker.close()
