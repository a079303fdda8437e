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
import selectors
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from coach.content.models import Kata, Limits
from coach.content.suite import Suite
from coach.grading import protocol, verdict
from coach.grading.events import (
    ERROR,
    FAIL,
    PASS,
    SKIP,
    Event,
    RunFinished,
    RunResult,
    RunStarted,
    RunState,
    Status,
    TestFinished,
    TestResult,
    TestsCollected,
    TestStarted,
)
from coach.grading.pool import Worker

_STATUS: dict[str, Status] = {"passed": PASS, "failed": FAIL, "error": ERROR, "skipped": SKIP}
TEST_OUTPUT_CAP = 50_000  # characters of printed output kept per test (its subtests included)
GRACE = 1.0  # seconds past a test's limit before its worker is killed
MAX_RESTARTS = 5  # fresh workers one run may take after killed ones
# The next spare worker starts when a run ends, or after this many seconds of it: a
# starting worker (importing pytest) would compete for the CPU with a short run
SPARE_AFTER = 0.5
TRACE: list | None = None  # set to a list to record (event, sent, received) times


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
        self._wake_r, self._wake_w = os.pipe()
        self._cancelled = threading.Event()
        self._on_close = on_close
        self._on_start = on_start
        self._next_worker = next_worker
        self._result: RunResult | None = None
        self._iterator: Iterator[Event] | None = None
        self._plan = plan  # the suite's plan from an earlier run of the same files
        self._on_plan = on_plan
        self._spare_due = math.inf  # when to start the next spare (see SPARE_AFTER)

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

    def _start_spare(self) -> None:
        self._spare_due = math.inf
        if self._on_start is not None:
            on_start, self._on_start = self._on_start, None
            on_start()

    # -- the loop ------------------------------------------------------------
    def _events(self) -> Iterator[Event]:
        started = time.perf_counter()
        state = RunState()
        yield RunStarted(tuple(t.name for t in self.suite.tests))
        deadline = time.monotonic() + self.limits.time
        output = _Output(self.limits.output * 1024)
        segment = _Segment(self, self.worker, state, output, plan=self._plan is None, only=None)
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
                segment = _Segment(self, worker, state, output, plan=False, only=only)
        finally:
            for worker in self.workers:
                worker.kill()
            self._start_spare()
        result = self._verdict(state, segment, output.text(), started)
        self._result = result
        self._close()
        yield RunFinished(result)

    def _verdict(self, state: RunState, last: _Segment, raw_output: str, started: float) -> RunResult:
        status, message, rows = verdict.decide(
            state, self.suite, main_file=self.test_files[0], module=self.kata.module, limits=self.limits,
            timed_out=last.ending == "timeout", cancelled=self._cancelled.is_set(),
            returncode=last.returncode)
        output = "".join(state.output) + raw_output
        return RunResult(status=status, message=message, tests=tuple(rows),
                         ms=(time.perf_counter() - started) * 1000, output=output,
                         cancelled=self._cancelled.is_set(),
                         import_error=bool(state.import_error or (state.collect_error and not state.results)))

    def _close(self) -> None:
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
        for worker in self.workers:
            if self._on_close:
                self._on_close(worker)
            else:
                worker.close()


class _Segment:
    """The part of a run one worker does."""

    def __init__(self, run: Run, worker: Worker, state: RunState, output: _Output, *,
                 plan: bool, only: list[str] | None) -> None:
        self.run_ = run
        self.worker = worker
        self.state = state
        self.output = output
        self.plan = plan
        self.only = only
        self.ending = "done"  # done, timeout, killed, died, special, cancelled
        self.returncode: int | None = None
        self.progressed = False
        self.trace_file = worker.tmp_dir / "coach-test-trace.txt"

    def run(self, deadline: float) -> Iterator[Event]:
        run, state, worker = self.run_, self.state, self.worker
        job: protocol.Job = {
            "token": run.token, "module": run.kata.module, "test_files": list(run.test_files),
            "output_cap": TEST_OUTPUT_CAP, "test_limit": run.limits.test,
            "limits": {"cpu": run.limits.cpu, "memory": run.limits.memory, "file_size": run.limits.file_size},
            "plan": self.plan, "only": self.only, "trace_file": str(self.trace_file),
        }
        worker.send_job(job)
        if self.only is None:  # the first segment: the next spare starts once this run has had its go
            run._spare_due = time.monotonic() + SPARE_AFTER
        selector = selectors.DefaultSelector()
        selector.register(worker.events_fd, selectors.EVENT_READ, "events")
        selector.register(worker.output_fd, selectors.EVENT_READ, "output")
        selector.register(run._wake_r, selectors.EVENT_READ, "wake")
        pidfd = _pidfd(worker.pid)
        if pidfd is not None:
            selector.register(pidfd, selectors.EVENT_READ, "exit")
        exited = False
        pending = [worker.pending]
        try:
            yield from self._handle(pending)  # events already read while waiting for "ready"
            while not state.done:
                if run._cancelled.is_set():
                    self.ending = "cancelled"
                    break
                now = time.monotonic()
                if now >= run._spare_due:
                    run._start_spare()
                if now >= deadline:
                    self.ending = "timeout"
                    break
                test_deadline = self._test_deadline()
                if test_deadline is not None and now >= test_deadline:
                    self.ending = "killed"
                    _ask_for_stack(worker, self.trace_file)
                    worker.kill()
                    yield from self._overran()
                    break
                ends = min(deadline, test_deadline) if test_deadline is not None else deadline
                ends = min(ends, run._spare_due)
                wait = ends - now if pidfd is not None else min(ends - now, 0.05)
                for key, _ in selector.select(wait):
                    if key.data == "events":
                        chunk = _read(worker.events_fd)
                        if chunk is None:
                            continue
                        if not chunk:
                            selector.unregister(worker.events_fd)
                            continue
                        pending[0] += chunk
                        yield from self._handle(pending)
                    elif key.data == "output":
                        chunk = _read(worker.output_fd)
                        if chunk == b"":
                            selector.unregister(worker.output_fd)
                        elif chunk:
                            self.output.add(chunk)
                    elif key.data == "exit":
                        exited = True
                if pidfd is None and worker.proc.poll() is not None:
                    exited = True
                if exited and not state.done:
                    # it died: take what is still in the pipe, then stop
                    while (chunk := _read(worker.events_fd)):
                        pending[0] += chunk
                    yield from self._handle(pending)
                    if not state.done:
                        self.ending = "died"
                        self.returncode = _returncode(worker)
                        yield from self._died()
                    break
        finally:
            worker.kill()
            selector.close()
            if pidfd is not None:
                os.close(pidfd)
        if state.done and state.special is not None and state.special[0] == "tamper":
            self.ending = "special"  # a fresh worker can run the rest untouched
        while (chunk := _read(worker.output_fd)):
            self.output.add(chunk)

    def apply_plan(self, plan: protocol.Plan) -> Iterator[Event]:
        state = self.state
        state.planned = [self._name(str(i)) for i in plan["ids"]]
        state.tasks = {self._name(k): int(v) for k, v in plan["tasks"].items()}
        state.limits = {self._name(k): float(v) for k, v in plan["limits"].items()}
        yield TestsCollected(tuple(state.planned), dict(state.tasks))

    def _test_deadline(self) -> float | None:
        state = self.state
        if state.current is None:
            return None
        limit = state.limits.get(state.current, self.run_.limits.test)
        if limit <= 0:
            return None
        return state.started_at + limit + GRACE

    def _record(self, result: TestResult) -> Iterator[Event]:
        self.state.results.append(result)
        self.state.current = None
        self.progressed = True
        yield TestFinished(result)

    def _overran(self) -> Iterator[Event]:
        state = self.state
        name = state.current or ""
        limit = state.limits.get(name, self.run_.limits.test)
        where = verdict.last_line(_read_text(self.trace_file), self.worker.suite_dir)
        message = f"took longer than {limit:g} s, this test's time limit"
        if where:
            message += f"; it was running {where}"
        ms = (time.monotonic() - state.started_at) * 1000
        yield from self._record(self.run_row(name, ERROR, ms, message))

    def _died(self) -> Iterator[Event]:
        state = self.state
        if state.current is None:
            return
        name = state.current
        cause = verdict.death_cause(state, self.returncode, self.run_.limits)
        ms = (time.monotonic() - state.started_at) * 1000
        state.causes.append(cause)
        yield from self._record(self.run_row(name, ERROR, ms, cause))

    def run_row(self, name: str, status: Status, ms: float, message: str) -> TestResult:
        test = self.run_.suite.find(name)
        return TestResult(name, status, ms=ms, message=message, code=test.code if test else "",
                          task_id=self.state.tasks.get(name, 0))

    def _handle(self, pending: list[bytes]) -> Iterator[Event]:
        *lines, pending[0] = pending[0].split(b"\n")
        for raw in lines:
            message = protocol.parse(raw, self.run_.token)
            if message is None:
                self.state.tampered = True
                continue
            yield from self._apply(message)

    def _name(self, node_id: str) -> str:
        return verdict.test_name(node_id, self.run_.test_files[0])

    def _apply(self, message: protocol.Message) -> Iterator[Event]:
        state = self.state
        if TRACE is not None:
            TRACE.append((message["ev"], message.get("t"), time.perf_counter()))
        match message:
            case {"ev": "phase", "phase": phase}:
                state.phase = str(phase)
            case {"ev": "plan"}:
                plan: protocol.Plan = message  # type: ignore[assignment]
                if self.run_._on_plan is not None:
                    self.run_._on_plan(plan)
                yield from self.apply_plan(plan)
            case {"ev": "plan_error"}:
                pass  # the real collection will say what is wrong, if anything
            case {"ev": "import_output", "output": text}:
                state.output.append(str(text))
            case {"ev": "import_error", "message": text}:
                state.import_error = str(text)
            case {"ev": "collect_error", "message": text}:
                state.collect_error = str(text)
            case {"ev": "collected", "ids": list() as ids}:
                state.phase = "run"
                collected: protocol.Collected = message  # type: ignore[assignment]
                state.tasks.update({self._name(k): int(v) for k, v in collected["tasks"].items()})
                state.limits.update({self._name(k): float(v) for k, v in collected["limits"].items()})
                if not state.planned and self.plan:
                    state.planned = [self._name(str(i)) for i in ids]
                    yield TestsCollected(tuple(state.planned), dict(state.tasks))
            case {"ev": "start", "id": node_id}:
                state.current = self._name(str(node_id))
                state.started_at = time.monotonic()
                limit = float(message.get("limit") or 0)  # type: ignore[arg-type]
                if limit > 0:
                    state.limits[state.current] = limit
                yield TestStarted(state.current)
            case {"ev": "result"}:
                yield from self._result(message)  # type: ignore[arg-type]
            case {"ev": "tamper", "what": what}:
                state.causes.append(f"the solution changed the test framework during the run: {what}")
            case {"ev": "done"}:
                state.done = True

    def _result(self, event: protocol.Result) -> Iterator[Event]:
        state = self.state
        name = self._name(str(event["id"]))
        parent = self._name(str(event["parent"])) if event.get("parent") else None
        test = self.run_.suite.find(parent or name)
        result = TestResult(
            name=name, status=_STATUS.get(str(event["outcome"]), ERROR), ms=float(event["ms"] or 0.0),
            message=str(event["message"] or ""), details=str(event["details"] or ""),
            output=str(event["output"] or ""), stdout=str(event.get("stdout") or ""),
            code=test.code if test else "", task_id=state.tasks.get(parent or name, 0),
            parent=parent, variation=event.get("variation"),
        )
        special = event.get("special")
        if isinstance(special, dict) and state.special is None:
            state.special = (str(special.get("kind")), name, dict(special))
            cause = verdict.special_cause(state.special, self.run_.limits)
            state.causes.append(cause)
            result = replace(result, status=ERROR, message=cause)
        state.results.append(result)
        if parent is None:
            state.current = None
        self.progressed = True
        yield TestFinished(result)


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
            text += f"\n[... {self.dropped} more bytes of output cut]"
        return text


def _read(fd: int) -> bytes | None:
    """Up to 64 KiB; b'' at end of file, None when nothing is there yet."""
    try:
        return os.read(fd, 65536)
    except BlockingIOError:
        return None
    except OSError:
        return b""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _ask_for_stack(worker: Worker, trace_file: Path, wait: float = 0.3) -> None:
    """SIGUSR1: the worker's faulthandler writes the running stack; wait briefly for it."""
    try:
        os.kill(worker.pid, signal.SIGUSR1)
    except OSError:
        return
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            if trace_file.stat().st_size > 0 and b"\n  File" in trace_file.read_bytes():
                time.sleep(0.01)  # let it finish the dump
                return
        except OSError:
            pass
        time.sleep(0.005)


def _returncode(worker: Worker) -> int | None:
    try:
        return worker.proc.wait(timeout=1)
    except subprocess.TimeoutExpired:
        return worker.proc.poll()


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None
