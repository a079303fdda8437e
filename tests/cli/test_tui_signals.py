"""The real ``coach kata`` in a pseudo-terminal: text typed but not saved survives SIGTERM and SIGHUP."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT


def read_until(fd: int, marker: bytes, seen: bytearray, limit: float = 90.0) -> bool:
    """Read the terminal until ``marker`` shows (a generous limit for a loaded machine, not a timing)."""
    deadline = time.monotonic() + limit
    while marker not in seen:
        if time.monotonic() > deadline:
            return False
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                return marker in seen
    return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_unsaved_editor_text_survives_a_signal(coach_home, sig):
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "110", "LINES": "32"}
    proc = subprocess.Popen([sys.executable, "-m", "coach", "kata", "two_sum"], cwd=ROOT, env=env,
                            stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    seen = bytearray()
    try:
        assert read_until(master, b"two_sum", seen), "the workbench never showed"
        draft = coach_home / "drafts" / "two_sum.py"
        deadline = time.monotonic() + 60
        while not draft.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.write(master, b"# typed-then-killed")
        assert read_until(master, b"typed-then-killed", seen), "the editor never showed the text"
        assert "typed-then-killed" not in draft.read_text(), "not saved before the signal"
        proc.send_signal(sig)
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            read_until(master, b"\0never", seen, limit=0.5)  # keep draining: a full terminal blocks it
        assert proc.poll() is not None, "coach did not exit"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert "# typed-then-killed" in draft.read_text()
