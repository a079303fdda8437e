"""Worker processes: started ahead of time, used once, killed with their group."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import coach

_COACH_ROOT = str(Path(coach.__file__).resolve().parent.parent)
# -I (isolated mode) leaves the current folder and PYTHON* variables out of
# sys.path; coach itself is found through site-packages, or, in a source
# checkout, through the folder appended here.
_BOOT = (
    "import sys; sys.path.append(sys.argv.pop(1)); "
    "from coach.grading.worker import main; main(sys.argv[1:])"
)


def clean_env(tmp: Path) -> dict[str, str]:
    """The worker's whole environment: nothing of the user's pytest or Python settings."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(tmp),
        "TMPDIR": str(tmp),
        "TMP": str(tmp),
        "TEMP": str(tmp),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "MALLOC_ARENA_MAX": "2",  # threads must fit under the address-space limit
    }


def needs_asyncio(test_path: str | Path) -> bool:
    """Whether a suite may hold coroutine tests or fixtures (then the worker loads pytest-asyncio)."""
    try:
        text = Path(test_path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    return "async " in text or "asyncio" in text


class Worker:
    """One worker process and its sandbox folder."""

    def __init__(self, prime: tuple[str, Path, str] | None = None, *, warm_up: bool = True) -> None:
        """``prime``: (test file name, its source, solution module) to prepare ahead of the job.
        ``warm_up=False`` skips the practice run, for one-shot use where nothing hides its cost."""
        self.prime = prime
        self.asyncio = needs_asyncio(prime[1]) if prime else True  # as the worker decides
        self.sandbox = Path(tempfile.mkdtemp(prefix="coach-run-"))
        self.suite_dir = self.sandbox / "suite"
        self.tmp_dir = self.sandbox / "tmp"
        self.suite_dir.mkdir()
        self.tmp_dir.mkdir()
        events_r, events_w = os.pipe()
        output_r, output_w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-c", _BOOT, _COACH_ROOT, str(self.suite_dir), str(events_w),
                 "warm" if warm_up else "cold", *([prime[0], str(prime[1]), prime[2]] if prime else [])],
                stdin=subprocess.PIPE, stdout=output_w, stderr=output_w,
                pass_fds=(events_w,), cwd=self.suite_dir, env=clean_env(self.tmp_dir),
                start_new_session=True,
            )
        except BaseException:
            for fd in (events_r, events_w, output_r, output_w):
                os.close(fd)
            shutil.rmtree(self.sandbox, ignore_errors=True)
            raise
        os.close(events_w)
        os.close(output_w)
        self.events_fd = events_r
        self.output_fd = output_r
        os.set_blocking(events_r, False)
        os.set_blocking(output_r, False)
        self.pending = b""  # events read but not yet handled
        self.ready = False
        self.closed = False

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Block until the worker has pytest imported and configured."""
        deadline = time.monotonic() + timeout
        while not self.ready:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                return False
            readable, _, _ = select.select([self.events_fd], [], [], left)
            if not readable:
                continue
            try:
                chunk = os.read(self.events_fd, 65536)
            except BlockingIOError:
                continue
            if not chunk:
                return False
            self.pending += chunk
            while b"\n" in self.pending and not self.ready:
                line, self.pending = self.pending.split(b"\n", 1)
                try:
                    self.ready = json.loads(line).get("ev") == "ready"
                except ValueError:
                    pass
        return True

    def send_job(self, job: Mapping[str, object]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write((json.dumps(job) + "\n").encode())
            self.proc.stdin.close()
        except BrokenPipeError:
            pass  # it died already; the run reports how

    def kill(self) -> None:
        """Kill the worker and every descendant: its process group, and any process that
        left the group or the session (the worker is their subreaper, so they stay
        below it until it dies)."""
        kill_tree(self.proc.pid)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def close(self) -> None:
        """Kill everything the run started, reap the worker, remove the sandbox."""
        if self.closed:
            return
        self.closed = True
        self.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        # Killed processes take a moment to die; sweep until none is left.
        deadline = time.monotonic() + 5
        while sweep_session(self.proc.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        for fd in (self.events_fd, self.output_fd):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.proc.stdin and not self.proc.stdin.closed:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        _remove_tree(self.sandbox)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                found += [int(x) for x in handle.read().split()]
        except (OSError, ValueError):
            continue
    return found


def kill_tree(root: int) -> None:
    """Freeze ``root`` and its descendants (so none can fork or escape meanwhile), then kill them."""
    frozen: set[int] = set()
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in frozen:
            continue
        try:
            os.kill(pid, signal.SIGSTOP)
        except OSError:
            continue
        frozen.add(pid)
        todo += _children(pid)
    for pid in frozen:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def sweep_session(sid: int) -> int:
    """SIGKILL every live process of the worker's session, including any that left
    its process group; returns how many were found (Linux; 0 elsewhere)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return 0
    found = 0
    for entry in os.scandir(proc):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name may hold spaces; fields after it are fixed
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 3 and int(fields[3]) == sid and fields[0] not in (b"Z", b"X"):
            found += 1
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except OSError:
                pass
    return found


def _remove_tree(path: Path) -> None:
    def fix(func, target, _exc):  # a solution may have made folders read-only
        try:
            os.chmod(os.path.dirname(target), 0o700)
            os.chmod(target, 0o700)
            func(target)
        except OSError:
            pass

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=fix)
    else:
        shutil.rmtree(path, onerror=fix)
