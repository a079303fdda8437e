"""The grading API: ``Grader().run(kata, solution)`` streams events, ends in a verdict.

A :class:`Grader` keeps one worker process ready (pytest imported and
configured, and, once primed, the expected suite's asserts rewritten); a run
takes it and the next spare starts at once. See :class:`coach.grading.run.Run`
for the events.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from coach.content.models import Kata, Limits
from coach.content.suite import Suite, SuiteTest, parse_suite_source
from coach.errors import CoachError
from coach.grading.events import RunResult
from coach.grading.pool import Worker
from coach.grading.protocol import Plan
from coach.grading.run import Run


class Grader:
    """Grades solutions with a worker kept ready ahead of time.

    The first worker starts in the constructor, so its start-up overlaps
    whatever the caller does next. ``keep_warm=False`` suits one-shot use
    (the CLI): no new spare starts after a run.
    """

    def __init__(self, *, keep_warm: bool = True, spare: Worker | None = None, kata: Kata | None = None) -> None:
        self._keep_spare = keep_warm
        self._lock = threading.Lock()
        self._prime: tuple[str, Path, str] | None = _prime_of(kata) if kata else None
        self._suites: dict[tuple, tuple[str, Suite]] = {}
        self._plans: dict[tuple, Plan] = {}  # the tests a suite holds, listed by an earlier run
        self._cleanup: list[threading.Thread] = []
        self._closed = False
        self._starting: threading.Thread | None = None  # a spare being started
        self._spare: Worker | None = spare or Worker(self._prime)

    def prime(self, kata: Kata) -> None:
        """Expect ``kata`` next: the spare prepares its suite ahead of time.

        A spare prepared for another suite (or none) is replaced at once.
        """
        prime = _prime_of(kata)
        with self._lock:
            if prime == self._prime:
                return
            self._prime = prime
            stale, self._spare = getattr(self, "_spare", None), None
        if stale is not None:
            self._discard(stale)
            self._replenish()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Block until the spare worker is ready (useful before timing a run)."""
        self._await_starting(timeout)
        with self._lock:
            spare = self._spare
        return spare.wait_ready(timeout) if spare else False

    def _await_starting(self, timeout: float = 5.0) -> None:
        """A spare being started (its process launched off the caller's path): wait for it
        rather than start another."""
        with self._lock:
            starting = self._starting if self._spare is None else None
        if starting is not None:
            starting.join(timeout)

    def _take(self) -> Worker:
        self._await_starting()
        with self._lock:
            if self._closed:
                raise CoachError("the grader is closed")
            worker, self._spare = self._spare, None
            if worker is None or worker.proc.poll() is not None:
                if worker is not None:
                    worker.close()
                worker = Worker(self._prime)
        return worker

    def _replenish(self) -> None:
        """Start the next spare, off the caller's path (fork and exec take a few ms)."""
        if not self._keep_spare or self._closed:
            return

        def start() -> None:
            worker: Worker | None = None
            try:
                worker = Worker(self._prime)
            finally:
                with self._lock:  # one step: never a moment with neither a spare nor one starting
                    if self._starting is thread:
                        self._starting = None
                    if worker is not None and self._spare is None and not self._closed:
                        self._spare, worker = worker, None
            if worker is not None:
                worker.close()

        thread = threading.Thread(target=start, daemon=True, name="coach-grader-spare")
        with self._lock:  # published only once started: _await_starting may join it at once
            self._starting = thread
            thread.start()  # waits for the thread to exist, not for this lock

    def run(self, kata: Kata, solution: str | bytes | Path, *, limits: Limits | None = None) -> Run:
        """Start grading ``solution`` (source text, bytes or a file) against ``kata``'s suite.

        The file's bytes are graded as they are: one that is not UTF-8 or holds
        NUL bytes fails at import like any broken solution, with a results document.
        """
        source = _solution_source(solution)
        suite = Suite(())
        texts: list[str] = []
        for name in kata.test_files:
            text, parsed = self._suite(kata, name)
            texts.append(text)
            prefix = "" if name == kata.test_file else f"{name}::"
            suite = Suite(suite.tests + tuple(
                SuiteTest(prefix + t.name, t.line, t.count, t.code, t.body) for t in parsed.tests))
        wants_asyncio = any("async " in t or "asyncio" in t for t in texts)

        def filled() -> Worker:
            worker = self._take()
            if wants_asyncio and not worker.asyncio:  # prepared for a suite without coroutines
                self._discard(worker)
                worker = Worker(_prime_of(kata))
            try:
                _fill_sandbox(worker.suite_dir, kata, texts, source)
            except BaseException:
                self._discard(worker)
                raise
            return worker

        def fresh() -> Worker:  # a killed worker's successor: the next spare, and a new spare
            worker = filled()
            self._replenish()
            return worker

        limits = limits or kata.limits
        key = (str(kata.path), tuple(texts), kata.extra_files, limits.test)

        def remember(plan: Plan) -> None:
            with self._lock:
                self._plans[key] = plan

        with self._lock:
            known = self._plans.get(key)
        return Run(filled(), kata, suite, limits, test_files=kata.test_files, on_close=self._discard,
                   on_start=self._replenish, next_worker=fresh, plan=known, on_plan=remember)

    def _suite(self, kata: Kata, name: str) -> tuple[str, Suite]:
        """A test file's text and its parsed tests, cached while the file is unchanged."""
        path = kata.path / name
        try:
            stat = path.stat()
            key = (str(path), stat.st_mtime_ns, stat.st_size)
            if key in self._suites:
                return self._suites[key]
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CoachError(f"cannot read the kata's tests {name}: {exc}") from None
        try:
            parsed = parse_suite_source(text, name)
        except SyntaxError as exc:
            raise CoachError(f"the kata's test file {name} does not parse: line {exc.lineno}: {exc.msg}") from None
        self._suites[key] = (text, parsed)
        return text, parsed

    def grade(self, kata: Kata, solution: str | bytes | Path, *, limits: Limits | None = None) -> RunResult:
        return self.run(kata, solution, limits=limits).result()

    def spare_worker(self) -> Worker:
        """A worker for a job of the caller's own (a growth measurement): the spare,
        while the next spare starts. Hand it back with :meth:`release`."""
        worker = self._take()
        self._replenish()
        return worker

    def release(self, worker: Worker) -> None:
        """Kill a worker taken with :meth:`spare_worker`; it is cleaned up off the caller's path."""
        self._discard(worker)

    def _discard(self, worker: Worker) -> None:
        """Kill at once; reap and clean up off the caller's path."""
        worker.kill()
        thread = threading.Thread(target=worker.close, daemon=True, name="coach-grader-cleanup")
        thread.start()
        with self._lock:
            self._cleanup = [t for t in self._cleanup if t.is_alive()] + [thread]

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until finished runs are fully cleaned up (processes reaped, folders gone)."""
        with self._lock:
            threads = list(self._cleanup)
        for thread in threads:
            thread.join(timeout=timeout)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            spare, self._spare = self._spare, None
            threads = list(self._cleanup)
        if spare:
            spare.close()
        for thread in threads:
            thread.join(timeout=10)

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _prime_of(kata: Kata) -> tuple[str, Path, str]:
    return kata.test_file, kata.test_path, kata.module


def _solution_source(solution: str | bytes | Path) -> bytes:
    if isinstance(solution, Path):
        try:
            return solution.read_bytes()
        except FileNotFoundError:
            raise CoachError(f"no such file: {solution}") from None
        except IsADirectoryError:
            raise CoachError(f"{solution} is a folder, not a Python file") from None
        except OSError as exc:
            raise CoachError(f"cannot read {solution}: {exc.strerror or exc}") from None
    if isinstance(solution, str):
        return solution.encode("utf-8", "surrogateescape")
    return solution


def _fill_sandbox(target: Path, kata: Kata, suite_texts: list[str], source: bytes) -> None:
    for name, text in zip(kata.test_files, suite_texts):
        (target / name).write_text(text, encoding="utf-8")
    (target / f"{kata.module}.py").write_bytes(source)
    for name in kata.extra_files:
        src = kata.path / name
        dst = target / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy2(src, dst)


__all__ = ["Grader", "Run"]
