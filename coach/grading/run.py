"""One grading run: feed the job to a worker, read its events, decide the verdict.

Iterate :meth:`Run.events` for progress as the tests run; :meth:`Run.cancel`
may be called from another thread. Runs are made by :class:`coach.grading.runner.Grader`.
"""

from __future__ import annotations

import json
import os
import secrets
import selectors
import threading
import time
from typing import Iterator

from coach.content.models import Kata, Limits
from coach.content.suite import Suite
from coach.grading import verdict
from coach.grading.events import (
    ERROR, FAIL, PASS, SKIP, Event, RunFinished, RunResult, RunStarted, RunState, TestFinished,
    TestResult, TestsCollected, TestStarted,
)
from coach.grading.pool import Worker

_STATUS = {"passed": PASS, "failed": FAIL, "error": ERROR, "skipped": SKIP}
TEST_OUTPUT_CAP = 10_000  # characters of printed output kept per test
TRACE: list | None = None  # set to a list to record (event, sent, received) times


class Run:
    """One grading run on one worker. Iterate :meth:`events`, or call :meth:`result`."""

    def __init__(self, worker: Worker, kata: Kata, suite: Suite, limits: Limits,
                 on_close=None, on_start=None) -> None:
        self.worker = worker
        self.kata = kata
        self.suite = suite
        self.limits = limits
        self.token = secrets.token_hex(16)
        self._wake_r, self._wake_w = os.pipe()
        self._cancelled = threading.Event()
        self._on_close = on_close
        self._on_start = on_start
        self._result: RunResult | None = None
        self._iterator: Iterator[Event] | None = None

    # -- control -------------------------------------------------------------
    def cancel(self) -> None:
        """Stop the run from any thread; it finishes with status error, 'cancelled'."""
        if not self._cancelled.is_set():
            self._cancelled.set()
            try:
                os.write(self._wake_w, b"x")
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

    # -- the loop ------------------------------------------------------------
    def _events(self) -> Iterator[Event]:
        started = time.perf_counter()
        state = RunState()
        yield RunStarted(tuple(t.name for t in self.suite.tests))
        self.worker.send_job({
            "token": self.token, "module": self.kata.module, "output_cap": TEST_OUTPUT_CAP,
            "limits": {"cpu": self.limits.cpu, "memory": self.limits.memory,
                       "file_size": self.limits.file_size},
        })
        if self._on_start:
            self._on_start()
        output = _Output(self.limits.output * 1024)
        timed_out = False
        selector = selectors.DefaultSelector()
        selector.register(self.worker.events_fd, selectors.EVENT_READ, "events")
        selector.register(self.worker.output_fd, selectors.EVENT_READ, "output")
        selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        pidfd = _pidfd(self.worker.pid)
        if pidfd is not None:
            selector.register(pidfd, selectors.EVENT_READ, "exit")
        deadline = time.monotonic() + self.limits.time
        exited = False
        pending = [self.worker.pending]
        try:
            # events already read while waiting for "ready"
            yield from self._handle(state, pending)
            while not state.done and not self._cancelled.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                wait = left if pidfd is not None else min(left, 0.05)
                for key, _ in selector.select(wait):
                    if key.data == "events":
                        chunk = _read(self.worker.events_fd)
                        if chunk is None:
                            continue
                        if not chunk:
                            selector.unregister(self.worker.events_fd)
                            continue
                        pending[0] += chunk
                        yield from self._handle(state, pending)
                    elif key.data == "output":
                        chunk = _read(self.worker.output_fd)
                        if chunk == b"":
                            selector.unregister(self.worker.output_fd)
                        elif chunk:
                            output.add(chunk)
                    elif key.data == "exit":
                        exited = True
                if pidfd is None and self.worker.proc.poll() is not None:
                    exited = True
                if exited and not state.done:
                    # it died: take what is still in the pipe, then stop
                    while (chunk := _read(self.worker.events_fd)):
                        pending[0] += chunk
                    yield from self._handle(state, pending)
                    break
        finally:
            self.worker.kill()
            selector.close()
            if pidfd is not None:
                os.close(pidfd)
        returncode = self.worker.proc.poll()
        if returncode is None and not state.done:
            try:
                returncode = self.worker.proc.wait(timeout=1)
            except Exception:
                returncode = None
        while (chunk := _read(self.worker.output_fd)):
            output.add(chunk)
        result = self._verdict(state, timed_out, returncode, output.text(), started)
        self._result = result
        self._close()
        yield RunFinished(result)

    def _handle(self, state: RunState, pending: list[bytes]) -> Iterator[Event]:
        *lines, pending[0] = pending[0].split(b"\n")
        for raw in lines:
            try:
                event = json.loads(raw)
            except ValueError:
                state.tampered = True
                continue
            if not isinstance(event, dict):
                state.tampered = True
                continue
            kind = event.get("ev")
            if kind == "ready":
                continue
            if event.get("k") != self.token:
                state.tampered = True
                continue
            yield from self._apply(state, kind, event)

    def _apply(self, state: RunState, kind: str, event: dict) -> Iterator[Event]:
        if TRACE is not None:
            TRACE.append((kind, event.get("t"), time.perf_counter()))
        if kind == "phase":
            state.phase = str(event.get("phase"))
        elif kind == "import_output":
            state.output.append(str(event.get("output", "")))
        elif kind == "import_error":
            state.import_error = str(event.get("message"))
        elif kind == "collect_error":
            state.collect_error = str(event.get("message"))
        elif kind == "collected":
            state.phase = "run"
            state.collected = [verdict.test_name(i) for i in event.get("ids", [])]
            yield TestsCollected(tuple(state.collected))
        elif kind == "start":
            state.current = verdict.test_name(str(event.get("id")))
            yield TestStarted(state.current)
        elif kind == "result":
            name = verdict.test_name(str(event.get("id")))
            test = self.suite.find(name)
            result = TestResult(
                name=name, status=_STATUS.get(str(event.get("outcome")), ERROR),
                ms=float(event.get("ms") or 0.0), message=str(event.get("message") or ""),
                details=str(event.get("details") or ""), output=str(event.get("output") or ""),
                code=test.code if test else "",
            )
            special = event.get("special")
            if isinstance(special, dict) and state.special is None:
                state.special = (str(special.get("kind")), name, special)
            state.results.append(result)
            state.current = None
            yield TestFinished(result)
        elif kind == "done":
            state.done = True

    def _verdict(self, state: RunState, timed_out: bool, returncode: int | None,
                 raw_output: str, started: float) -> RunResult:
        status, message = verdict.decide(
            state, self.suite, module=self.kata.module, limits=self.limits, timed_out=timed_out,
            cancelled=self._cancelled.is_set(), returncode=returncode)
        tests = verdict.ordered(self.suite, state.results)
        if status == ERROR:
            tests += verdict.unfinished(self.suite, state, message)
        output = "".join(state.output) + raw_output
        return RunResult(status=status, message=message, tests=tuple(tests),
                         ms=(time.perf_counter() - started) * 1000, output=output,
                         cancelled=self._cancelled.is_set())

    def _close(self) -> None:
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
        if self._on_close:
            self._on_close(self.worker)
        else:
            self.worker.close()


class _Output:
    """Raw output kept up to a cap; the rest is read and dropped."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.kept = bytearray()
        self.dropped = 0

    def add(self, chunk: bytes) -> None:
        room = self.cap - len(self.kept)
        if room > 0:
            self.kept += chunk[:room]
        self.dropped += max(0, len(chunk) - max(room, 0))

    def text(self) -> str:
        text = self.kept.decode("utf-8", "replace")
        if self.dropped:
            text += f"\n[... {self.dropped} more bytes of output dropped]"
        return text


def _read(fd: int) -> bytes | None:
    """Up to 64 KiB; b'' at end of file, None when nothing is there yet."""
    try:
        return os.read(fd, 65536)
    except BlockingIOError:
        return None
    except OSError:
        return b""


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None
