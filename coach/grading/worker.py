"""The grading worker: a process started ahead of time, used for one run.

Started by :mod:`coach.grading.pool` in isolated mode (``python -I``) with the
arguments ``SANDBOX FD warm|cold [TEST_FILE SOURCE MODULE]``. It imports pytest
(``warm``: and runs a tiny practice suite, so that pytest's lazy imports are
done), prepares pytest's
configuration for its sandbox, says ``ready`` on the events pipe (FD), then
waits for one job on stdin: a JSON line naming the solution module, the
limits and the run's token. It applies the limits, installs the guard,
imports the solution, runs the suite and reports, then exits. The parent
kills its whole process group afterwards whatever happened.
"""

from __future__ import annotations

import ast
import faulthandler
import gc
import importlib
import json
import math
import os
import resource
import signal
import sys
import traceback
from typing import Any

import pytest

from coach.grading import fixtures, integrity, plan
from coach.grading.capture import CappedText
from coach.grading.plugin import Channel, Reporter, linger
from coach.grading.pool import needs_asyncio
from coach.grading.protocol import Job

MIB = 1024 * 1024


class _Quiet:
    """Where pytest's own terminal report goes: nowhere."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def pytest_args(suite_dir: str, *, asyncio: bool = True, fixtures: bool = True) -> list[str]:
    """pytest's command line in the worker. pytest-asyncio (async def tests) costs a few
    ms a test, so a worker prepared for a suite with no coroutine in it goes without."""
    disabled = ("cacheprovider", "unraisableexception", "threadexception", "doctest", "junitxml",
                "pastebin", "legacypath", "stepwise", "setuponly", "setupplan", "faulthandler")
    args = ["-q", "--tb=short", "--color=no", "-s", "--noconftest", "-c", os.devnull,
            "--rootdir", suite_dir, "--confcutdir", suite_dir, "-o", "console_output_style=classic"]
    for name in disabled:
        args += ["-p", f"no:{name}"]
    if fixtures:
        args += ["-p", "coach.grading.fixtures"]
    if asyncio:
        args += ["-p", "pytest_asyncio.plugin", "-o", "asyncio_mode=auto",
                 "-o", "asyncio_default_fixture_loop_scope=function"]
    return [*args, suite_dir]


def _set_limits(limits: dict[str, Any]) -> None:
    used = resource.getrusage(resource.RUSAGE_SELF)  # pytest's import counts too: add the budget to it
    cpu = math.ceil(used.ru_utime + used.ru_stime + float(limits["cpu"]))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    memory = int(limits["memory"]) * MIB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    size = int(limits["file_size"]) * MIB
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-big write fails instead of killing


def _solution_line(exc: BaseException, solution_file: str) -> int | None:
    """The deepest line of the solution in the exception's traceback."""
    found = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if os.path.realpath(frame.f_code.co_filename) == solution_file:
            found = line
    return found


def _import_solution(channel: Channel, module: str, solution_file: str) -> bool:
    """Import the solution on its own first, to name what goes wrong precisely."""
    channel.send({"ev": "phase", "phase": "import"})
    out = CappedText(10_000)
    sys.stdout = sys.stderr = out
    try:
        importlib.import_module(module)
        return True
    except SyntaxError as exc:
        kind = type(exc).__name__
        text = f"{kind} on line {exc.lineno}: {exc.msg}" if exc.lineno else f"{kind}: {exc.msg}"
        channel.send({"ev": "import_error", "kind": "syntax", "message": text})
    except SystemExit as exc:
        channel.send({"ev": "import_error", "kind": "exit",
                      "message": f"the solution exited during import (sys.exit({exc.code!r}))"})
    except MemoryError:
        channel.send({"ev": "import_error", "kind": "memory", "message": "memory limit exceeded during import"})
    except BaseException as exc:  # anything else the module raised at import
        line = _solution_line(exc, solution_file)
        where = f" on line {line}" if line else ""
        channel.send({"ev": "import_error", "kind": "exception",
                      "message": f"{type(exc).__name__} during import{where}: {exc}"})
    finally:
        if out.size:
            channel.send({"ev": "import_output", "output": out.getvalue()})
    return False


_WARM_SUITE = """\
import pytest

@pytest.fixture
def value():
    return [1, 2]

@pytest.mark.parametrize("n", [1, 2])
def test_warm(value, n):
    assert value == [1, 2] and n in value

def test_warm_fail():
    assert {"a": [1]} == {"a": [2]}
"""


def _warm_up(scratch: str) -> None:
    """Run a tiny suite once, so the real run finds pytest's lazy imports done."""
    os.mkdir(scratch)
    with open(os.path.join(scratch, "test_coach_warm_up.py"), "w") as handle:
        handle.write(_WARM_SUITE)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = _Quiet()
    try:
        pytest.main(pytest_args(scratch, asyncio=False, fixtures=False))
    finally:
        sys.stdout, sys.stderr = saved
        sys.modules.pop("test_coach_warm_up", None)
        for name in os.listdir(scratch):
            os.remove(os.path.join(scratch, name))
        os.rmdir(scratch)


class Prepared:
    """pytest configured and its session started before the job arrives.

    Equivalent to ``pytest.main`` split in two: everything that does not
    depend on the files runs ahead of time; a job only collects and runs.
    Falls back to pytest's own main loop if its internals ever change.
    """

    def __init__(self, suite_dir: str, reporter: Reporter, asyncio: bool = True) -> None:
        from _pytest.config import _prepareconfig

        self.config = _prepareconfig(pytest_args(suite_dir, asyncio=asyncio), plugins=[reporter])
        self.session = None
        try:
            from _pytest.main import Session

            self.config._do_configure()
            session = Session.from_config(self.config)
            session.exitstatus = 0
            self.config.hook.pytest_sessionstart(session=session)
            self.session = session
        except Exception:  # pragma: no cover - a pytest without these internals
            self.session = None

    def use_files(self, suite_dir: str, test_files: list[str]) -> None:
        """Collect exactly these files (Exercism names them; they need not match test_*.py)."""
        if test_files:
            self.config.args = [os.path.join(suite_dir, name) for name in test_files]

    def run(self) -> None:
        config, session = self.config, self.session
        if session is None:  # pragma: no cover
            config.hook.pytest_cmdline_main(config=config)
            return
        try:
            config.hook.pytest_collection(session=session)
            config.hook.pytest_runtestloop(session=session)
        except BaseException:  # interrupted or failed: the parent counts results
            pass
        finally:
            config.hook.pytest_sessionfinish(session=session, exitstatus=session.exitstatus)


def _shield_ast_from_gc() -> None:
    """Work around CPython gh-106905 (fixed in 3.11.8 and 3.12.2).

    On older patch releases, a finalizer that parses Python while ``ast.parse``
    is building its result (asyncio logging "Task exception was never
    retrieved" formats a traceback, which parses source) corrupts the AST
    converter's depth counter, and pytest dies with "AST constructor recursion
    depth mismatch" halfway through a run. No garbage collection during a
    parse means no finalizer can run inside one.
    """
    version = sys.version_info[:3]
    if not ((3, 11) <= version < (3, 11, 8) or (3, 12) <= version < (3, 12, 2)):
        return
    import ast
    import gc

    original = ast.parse

    def parse(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return original(*args, **kwargs)
        gc.disable()
        try:
            return original(*args, **kwargs)
        finally:
            gc.enable()

    ast.parse = parse


def _focus_tracebacks(suite_dir: str) -> None:
    """Show the test's and the solution's frames, not those of the libraries between.

    A failure raised through FastAPI, Starlette and anyio has dozens of library
    frames; pytest reads and parses each one's source to report it, which costs
    half a second a failure and buries the lines that matter. Keep the frames
    in the run's own folder, and the last frame, where the exception was raised.
    """
    from _pytest._code.code import Traceback
    from _pytest.python import Function
    from _pytest.unittest import TestCaseFunction

    prefix = os.path.realpath(suite_dir) + os.sep

    def wrap(original: Any) -> Any:
        def focused(self: Any, excinfo: Any) -> Any:
            traceback = original(self, excinfo)
            if len(traceback) <= 2:
                return traceback
            kept = [e for e in traceback[:-1] if os.path.realpath(str(e.path)).startswith(prefix)]
            return Traceback([*kept, traceback[-1]]) if kept else traceback

        return focused

    for cls in (Function, TestCaseFunction):
        if "_traceback_filter" in vars(cls):
            cls._traceback_filter = wrap(vars(cls)["_traceback_filter"])  # type: ignore[method-assign]


def _preimport(tree: ast.Module, solution_module: str) -> None:
    """Import the libraries the suite imports (FastAPI takes half a second), not the solution."""
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        for name in names:
            if name.split(".")[0] == solution_module:
                continue
            try:
                importlib.import_module(name)
            except Exception:  # the run will report it if it matters
                pass


def _prime(config: Any, suite_dir: str, test_file: str, source_path: str, module: str) -> None:
    """Prepare the suite we expect next, before the job arrives.

    pytest rewrites a test module's asserts when it imports it (tens of ms for
    a long suite); when the job's copy of the suite has exactly these bytes,
    the work done here is used instead. The libraries it imports are loaded too.
    """
    from _pytest.assertion import rewrite

    try:
        with open(source_path, "rb") as handle:
            source = handle.read()
    except OSError:
        return
    target = os.path.join(suite_dir, test_file)
    tree = ast.parse(source, filename=target)
    _preimport(tree, module)
    rewrite.rewrite_asserts(tree, source, target, config)
    code = compile(tree, target, "exec", dont_inherit=True)
    original = rewrite._rewrite_test

    def primed(fn: Any, cfg: Any) -> Any:
        if str(fn) == target:
            stat = os.stat(fn)
            with open(fn, "rb") as handle:
                if handle.read() == source:
                    return stat, code
        return original(fn, cfg)

    rewrite._rewrite_test = primed  # type: ignore[assignment]


def _become_subreaper() -> None:
    """Orphans of the solution's processes (a child that called setsid and whose
    parent exited) are re-parented to this worker, so the parent still finds
    every descendant to kill (Linux; elsewhere the process group is all there is)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _plan(channel: Channel, reporter: Reporter, prepared: Prepared, suite_dir: str, module: str) -> None:
    reporter.muted = True
    try:
        items, error = plan.collect_plan(prepared.session, suite_dir, module)
    finally:
        reporter.muted = False
    if items:
        channel.send(plan.plan_message(items))  # type: ignore[arg-type]
    else:
        channel.send({"ev": "plan_error", "message": error or "no tests were found"})


def main(argv: list[str]) -> None:
    suite_dir, fd = argv[0], int(argv[1])
    sys.dont_write_bytecode = True
    _shield_ast_from_gc()
    _become_subreaper()
    quiet = _Quiet()
    real_stdout = sys.stdout
    if argv[2] == "warm":
        _warm_up(os.path.join(os.path.dirname(suite_dir), "tmp", "warm-up"))
    import _posixsubprocess  # noqa: F401  (so the guard can wrap them at the job)
    import multiprocessing.util  # noqa: F401

    from coach.grading import guard  # imported now, not on the run's clock

    _focus_tracebacks(suite_dir)
    ready_channel = Channel(fd, "")
    reporter = Reporter(ready_channel, 10_000, quiet)
    sys.stdout = sys.stderr = quiet  # pytest's terminal report goes nowhere
    prepared = Prepared(suite_dir, reporter, asyncio=needs_asyncio(argv[4]) if len(argv) >= 6 else True)
    if len(argv) >= 6:
        try:
            _prime(prepared.config, suite_dir, argv[3], argv[4], argv[5])
        except Exception:  # priming is an optimisation; the run rewrites as usual
            pass
    sys.stdout = sys.stderr = real_stdout
    # Everything so far lives until the end: keep it out of the collector's way,
    # or each collection during the run walks pytest's whole heap (~20 ms a time).
    gc.collect()
    gc.freeze()
    ready_channel.send({"ev": "ready"})

    line = sys.stdin.readline()
    if not line:
        os._exit(0)  # the parent went away or retired this spare
    job: Job = json.loads(line)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)  # input() gets EOF instead of waiting forever
    channel = Channel(fd, job["token"])
    reporter.channel = channel
    reporter.output_cap = int(job["output_cap"])
    reporter.test_files = frozenset(os.path.realpath(os.path.join(suite_dir, f)) for f in job["test_files"])
    reporter.only = set(job["only"]) if job["only"] is not None else None
    # A test stuck where the alarm cannot reach (C code, a swallowed exception):
    # before killing this process the parent sends SIGUSR1, and faulthandler's
    # C-level handler writes the stack, which names the line that was running.
    trace_fd = os.open(job["trace_file"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    faulthandler.register(signal.SIGUSR1, file=trace_fd, all_threads=False)
    fixtures.DEFAULT_TIMEOUT = float(job["test_limit"])
    prepared.use_files(suite_dir, job["test_files"])
    want_plan = job["plan"] and prepared.session is not None

    def plan_after_failure() -> None:
        """The solution could not be imported or the suite not collected with it: list
        the tests with a stand-in solution, so each is reported (as an error)."""
        sys.stdout = sys.stderr = quiet
        if want_plan:
            _plan(channel, reporter, prepared, suite_dir, job["module"])

    reporter.after_collect_error = plan_after_failure
    _set_limits(job["limits"])  # type: ignore[arg-type]

    root = os.path.dirname(suite_dir)
    protected = [os.path.join(suite_dir, name) for name in os.listdir(suite_dir)] + [suite_dir]
    guard.install(root, protected)
    sys.path.insert(0, suite_dir)
    # the folder may have been listed before the solution was copied in
    sys.path_importer_cache.pop(suite_dir, None)
    if "growth" in job:  # time the solution at growing sizes instead (coach.grading.growth)
        from coach.grading import probe

        probe.serve(channel, job)
        linger()
    solution_file = os.path.realpath(os.path.join(suite_dir, job["module"] + ".py"))
    before = integrity.take(prepared.config)
    ok = _import_solution(channel, job["module"], solution_file)
    sys.stdout = sys.stderr = quiet
    if ok:
        changed = integrity.compare(before, prepared.config)
        if changed:
            channel.send({"ev": "import_error", "kind": "tamper",
                          "message": f"the solution changed the test framework while importing: {changed}"})
            ok = False
    if not ok:
        plan_after_failure()
        channel.send({"ev": "done"})
        linger()
    reporter.check_integrity = lambda: integrity.compare(before, prepared.config)
    channel.send({"ev": "phase", "phase": "collect"})
    prepared.run()
    channel.send({"ev": "done"})  # normally sent from pytest_sessionfinish already
    linger()


if __name__ == "__main__":
    main(sys.argv[1:])
