"""TUI start-up and memory, in a real pseudo-terminal.

- first frame: from starting `coach` to the first output holding the home
  screen's title, p50 over 10 runs (target: 400 ms here);
- memory: the RSS of the coach process after opening a kata in the workbench
  and running its tests (target: under 120 MiB). The grading worker is a
  separate process and is reported on its own line.

A benchmark, not a test: it prints figures and asserts nothing.

    python bench/startup.py
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

RUNS = 10
COLUMNS, ROWS = 100, 32


def spawn(args: list[str], home: str) -> tuple[subprocess.Popen, int]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = {**os.environ, "COACH_HOME": home, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS),
           "LINES": str(ROWS)}
    proc = subprocess.Popen([sys.executable, "-m", "coach", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=env, start_new_session=True)
    os.close(slave)
    return proc, master


def wait_for(master: int, needles: tuple[bytes, ...], timeout: float = 30.0) -> tuple[float, bytes]:
    """Read the terminal until one of ``needles`` appears; returns the time it did."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            if any(n in seen for n in needles):
                return time.perf_counter(), seen
    raise TimeoutError(f"never saw {needles!r}; last output: {seen[-300:]!r}")


def stop(proc: subprocess.Popen, master: int) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    os.close(master)


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def main() -> None:
    home = tempfile.mkdtemp(prefix="coach-bench-startup-")
    # one untimed start fills the content cache and the progress file, as after a first use
    proc, master = spawn([], home)
    wait_for(master, (b"interview practice",))
    stop(proc, master)

    firsts = []
    for _ in range(RUNS):
        start = time.perf_counter()
        proc, master = spawn([], home)
        seen_at, _ = wait_for(master, (b"interview practice",))
        firsts.append((seen_at - start) * 1000)
        stop(proc, master)
    p50 = statistics.median(firsts)
    print(f"first frame: p50 {p50:.0f} ms, min {min(firsts):.0f}, max {max(firsts):.0f} over {RUNS} runs")

    proc, master = spawn(["kata", "two_sum"], home)
    wait_for(master, (b"Press ",), timeout=30)
    time.sleep(1.0)  # let the warm worker start
    os.write(master, b"\x12")  # ctrl+r
    wait_for(master, (b"passed", b"failed"), timeout=30)
    time.sleep(0.5)
    app_rss = rss_mib(proc.pid)
    workers = children(proc.pid)
    worker_rss = sum(rss_mib(pid) for pid in workers)
    stop(proc, master)
    print(f"memory after opening two_sum and running it: coach {app_rss:.0f} MiB "
          f"(grading worker{'s' if len(workers) != 1 else ''}: {worker_rss:.0f} MiB in {len(workers)})")
    print(f"startup: first frame p50 {p50:.0f} ms (target 400), RSS {app_rss:.0f} MiB (target 120)")


if __name__ == "__main__":
    main()
