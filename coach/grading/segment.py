"""The part of a grading run one worker does: send it the job, read its events, watch its clock.

:class:`Segment` is driven by :class:`coach.grading.run.Run`; when a worker is
killed (a test ran past its limit) the run goes on with a new segment on a
fresh worker, for the tests that have not run yet.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from coach.grading import protocol, verdict
from coach.grading.events import (
    ERROR,
    FAIL,
    PASS,
    SKIP,
    Event,
    RunState,
    Status,
    TestFinished,
    TestResult,
    TestsCollected,
    TestStarted,
)
from coach.grading.pool import Worker

if TYPE_CHECKING:
    from coach.grading.run import Run

_STATUS: dict[str, Status] = {"passed": PASS, "failed": FAIL, "error": ERROR, "skipped": SKIP}
TEST_OUTPUT_CAP = 50_000  # characters of printed output kept per test (its subtests included)
GRACE = 1.0  # seconds past a test's limit before its worker is killed
TRACE: list | None = None  # set to a list to record (event, sent, received) times


class Segment:
    """The part of a run one worker does."""

    def __init__(self, run: Run, worker: Worker, state: RunState, output: Output, *,
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
        if self.only is None:  # the first segment
            run.first_job_sent()
        selector = selectors.DefaultSelector()
        selector.register(worker.events_fd, selectors.EVENT_READ, "events")
        selector.register(worker.output_fd, selectors.EVENT_READ, "output")
        selector.register(run.wake_r, selectors.EVENT_READ, "wake")
        pidfd = _pidfd(worker.pid)
        if pidfd is not None:
            selector.register(pidfd, selectors.EVENT_READ, "exit")
        exited = False
        pending = [worker.pending]
        try:
            yield from self._handle(pending)  # events already read while waiting for "ready"
            while not state.done:
                if run.cancel_requested.is_set():
                    self.ending = "cancelled"
                    break
                now = time.monotonic()
                if now >= run.spare_due:
                    run.start_spare()
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
                ends = min(ends, run.spare_due)
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
                if self.run_.on_plan_listed is not None:
                    self.run_.on_plan_listed(plan)
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


class Output:
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
