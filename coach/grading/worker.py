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

from coach.grading import fixtures, integrity, plan, plugin
from coach.grading.capture import CappedText
from coach.grading.plugin import Channel, Reporter, linger
from coach.grading.pool import needs_asyncio
from coach.grading.prepare import (
    Prepared,
    Quiet,
    focus_tracebacks,
    prime,
    shield_ast_from_gc,
    warm_up,
)
from coach.grading.protocol import Job

MIB = 1024 * 1024


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


def _wiring(reporter: Reporter, channel: Channel, snapshot: integrity.Snapshot) -> list[integrity.Wiring]:
    """The reporter's, the channel's and the snapshot's own attributes: replacing them is tampering too."""
    return [("reporter", reporter, ("channel", "check_integrity", "after_collect_error", "quiet", "test_files",
                                    "only", "output_cap")),
            ("channel", channel, ("fd", "token", "pid", "send")),
            ("snapshot", snapshot, ("compare", "refresh", "watch", "config", "wiring")),
            ("settings", fixtures.SETTINGS, ("default_timeout",))]


def main(argv: list[str]) -> None:
    suite_dir, fd = argv[0], int(argv[1])
    sys.dont_write_bytecode = True
    shield_ast_from_gc()
    _become_subreaper()
    quiet = Quiet()
    real_stdout = sys.stdout
    if argv[2] == "warm":
        warm_up(os.path.join(os.path.dirname(suite_dir), "tmp", "warm-up"))
    import _posixsubprocess  # noqa: F401  (so the guard can wrap them at the job)
    import multiprocessing.util  # noqa: F401

    from coach.grading import guard  # imported now, not on the run's clock

    focus_tracebacks(suite_dir)
    ready_channel = Channel(fd, "")
    reporter = Reporter(ready_channel, 10_000, quiet)
    sys.stdout = sys.stderr = quiet  # pytest's terminal report goes nowhere
    prepared = Prepared(suite_dir, reporter, asyncio=needs_asyncio(argv[4]) if len(argv) >= 6 else True)
    if len(argv) >= 6:
        try:
            prime(prepared.config, suite_dir, argv[3], argv[4], argv[5])
        except Exception:  # priming is an optimisation; the run rewrites as usual
            pass
    sys.stdout = sys.stderr = real_stdout
    # Everything so far lives until the end: keep it out of the collector's way,
    # or each collection during the run walks pytest's whole heap (~20 ms a time).
    gc.collect()
    gc.freeze()
    before = integrity.Snapshot(prepared.config)  # taken now, off the run's clock; completed at the job
    # The last check goes through the plugin module; set it before the snapshot is taken, so
    # the job finds the framework as the snapshot saw it (else every run re-took it: ~15% of a run)
    plugin.final_check = before.compare
    before.refresh()
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
    fixtures.SETTINGS.default_timeout = float(job["test_limit"])
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
    # after each test through the reporter, after the last through the plugin module: replacing
    # one of them is seen by the other
    reporter.check_integrity = plugin.final_check
    before.watch(_wiring(reporter, channel, before))
    ok = _import_solution(channel, job["module"], solution_file)
    sys.stdout = sys.stderr = quiet
    if ok:
        changed = before.compare()
        if changed:
            channel.send({"ev": "import_error", "kind": "tamper",
                          "message": f"the solution changed the test framework while importing: {changed}"})
            ok = False
    if not ok:
        plan_after_failure()
        channel.send({"ev": "done"})
        linger()
    channel.send({"ev": "phase", "phase": "collect"})
    prepared.run()
    channel.send({"ev": "done"})  # normally sent from pytest_sessionfinish already
    linger()


if __name__ == "__main__":
    main(sys.argv[1:])
