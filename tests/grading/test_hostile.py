"""Hostile solutions: never a pass, the right cause, on time, nothing left behind."""

from __future__ import annotations

import os
import socket
import time
from dataclasses import replace

import pytest

from coach.content.library import load_library
from coach.grading.events import ERROR, PASS
from coach.grading.grader import Grader

LIMIT = 3.0  # seconds of wall clock per run in these tests; real katas default to 10


@pytest.fixture(scope="module")
def kata():
    two_sum = load_library(questions=False).kata("two_sum")
    # per-test limit above the run's: these cases are about the whole run's limit
    return replace(two_sum, limits=replace(two_sum.limits, time=LIMIT, test=10))


@pytest.fixture(scope="module")
def grader():
    with Grader() as g:
        yield g


def session_members(sid: int) -> list[int]:
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if int(fields[3]) == sid and fields[0] != b"Z":
            members.append(int(entry))
    return members


def grade(grader, kata, source: str):
    start = time.monotonic()
    run = grader.run(kata, source)
    result = run.result()
    elapsed = time.monotonic() - start
    grader.settle()
    left = session_members(run.worker.pid)
    assert left == [], f"processes left behind: {left}"
    assert not run.worker.sandbox.exists(), "the sandbox folder was removed"
    # Not a timing test: a generous margin over the limit (shared, busy machines) still tells a
    # limit that holds from a solution that hangs the grader.
    assert elapsed <= kata.limits.time + 10, f"verdict took {elapsed:.1f} s"
    assert result.status != PASS
    return result


CASES = {
    "loop_in_call": ("def two_sum(nums, target):\n    while True:\n        pass\n",
                     ERROR, f"timed out after {LIMIT:g} s, the whole run's limit, in test_example"),
    "loop_at_import": ("while True:\n    pass\n",
                       ERROR, f"timed out after {LIMIT:g} s, the whole run's limit, while importing the solution"),
    "long_sleep": ("import time\ndef two_sum(nums, target):\n    time.sleep(3600)\n",
                   ERROR, f"timed out after {LIMIT:g} s, the whole run's limit, in test_example"),
    "memory_bomb": ("def two_sum(nums, target):\n    hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]\n",
                    ERROR, "memory limit (512 MiB) exceeded in test_example"),
    "exit_at_import": ("import sys\nsys.exit(0)\n", ERROR, "the solution exited during import (sys.exit(0))"),
    "os_exit_in_call": ("import os\ndef two_sum(nums, target):\n    os._exit(3)\n",
                        ERROR, "the solution ended the test process (exit status 3) in test_example"),
    "sigkill_self": ("import os, signal\ndef two_sum(nums, target):\n    os.kill(os.getpid(), signal.SIGKILL)\n",
                     ERROR, "killed by SIGKILL in test_example"),
    "segfault": ("import ctypes\ndef two_sum(nums, target):\n    ctypes.string_at(0)\n",
                 ERROR, "killed by SIGSEGV in test_example"),
    "recursion": ("def two_sum(nums, target):\n    return two_sum(nums, target)\n",
                  "fail", "RecursionError"),
    "syntax_error": ("def two_sum(nums, target)\n    return None\n", ERROR, "SyntaxError on line 1: expected ':'"),
    "empty_file": ("", ERROR, "the solution does not define two_sum"),
    "exit_in_call": ("import sys\ndef two_sum(nums, target):\n    sys.exit(0)\n",
                     ERROR, "the solution called sys.exit(0) in test_example"),
    "raises_at_import": ("x = 1 / 0\n", ERROR, "ZeroDivisionError during import on line 1: division by zero"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_solution(grader, kata, case):
    source, status, message = CASES[case]
    result = grade(grader, kata, source)
    assert result.status == status
    if status == ERROR:
        assert result.message == message
    else:
        assert message in result.first_failure.message


def test_a_huge_file_hits_the_file_size_limit(grader, kata):
    source = ("import tempfile\ndef two_sum(nums, target):\n"
              "    with tempfile.TemporaryFile() as f:\n"
              "        for _ in range(64):\n            f.write(b'z' * 1024 * 1024)\n")
    result = grade(grader, kata, source)
    assert result.status == ERROR
    assert result.message == "file size limit (16 MiB) exceeded in test_example"


def test_cpu_time_limit(grader, kata):
    # Wall-clock limits well above the CPU one: on a busy machine one CPU second takes longer.
    tight = replace(kata, limits=replace(kata.limits, cpu=1, time=30, test=25))
    source = "def two_sum(nums, target):\n    while True:\n        pass\n"
    result = grade(grader, tight, source)
    assert result.status == ERROR
    assert result.message == "CPU time limit (1 s) exceeded in test_example"


def test_fork_thirty_sleeping_children(grader, kata):
    source = ("import os, time\n"
              "def two_sum(nums, target):\n"
              "    for _ in range(30):\n"
              "        if os.fork() == 0:\n"
              "            time.sleep(3600)\n"
              "            os._exit(0)\n"
              "    return [0, 0]\n")
    # 330 forks of a pytest process: slow on a busy machine; the point is that none survives
    roomy = replace(kata, limits=replace(kata.limits, time=15))
    result = grade(grader, roomy, source)
    assert result.status == "fail"


def test_children_that_leave_the_process_group_are_killed_too(grader, kata):
    source = ("import os, time\n"
              "def two_sum(nums, target):\n"
              "    if os.fork() == 0:\n"
              "        os.setpgid(0, 0)\n"
              "        time.sleep(3600)\n"
              "    return None\n")
    grade(grader, kata, source)


@pytest.mark.parametrize("stream", ["sys.stdout", "sys.stderr"])
def test_output_flood_is_capped(grader, kata, stream):
    source = (f"import sys\ndef two_sum(nums, target):\n"
              f"    for _ in range(200):\n        {stream}.write('x' * 1_000_000)\n")
    result = grade(grader, kata, source)
    first = result.tests[0]
    assert len(first.output) < 60_000
    assert "more characters of output dropped" in first.output


def test_raw_fd_flood_is_drained_and_dropped(grader, kata):
    source = ("import os\ndef two_sum(nums, target):\n"
              "    for _ in range(200):\n        os.write(1, b'y' * 1_000_000)\n")
    result = grade(grader, kata, source)
    assert len(result.output) < 100_000
    assert "more bytes of output cut" in result.output


def test_deleting_the_test_file_is_refused(grader, kata):
    source = "import os\nos.remove('test_two_sum.py')\ndef two_sum(nums, target):\n    return None\n"
    result = grade(grader, kata, source)
    assert result.status == ERROR
    assert "refuses to change the kata's own file test_two_sum.py" in result.message
    assert kata.test_path.is_file()


def test_writing_outside_the_sandbox_is_refused(grader, kata, tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("original")
    source = (f"def two_sum(nums, target):\n"
              f"    with open({str(outside)!r}, 'w') as f:\n        f.write('overwritten')\n"
              f"    return [0, 1]\n")
    result = grade(grader, kata, source)
    assert "refuses to change" in result.tests[0].message + result.tests[0].details
    assert outside.read_text() == "original"


def test_deleting_outside_the_sandbox_is_refused(grader, kata, tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("original")
    source = f"import os\nos.remove({str(outside)!r})\n"
    result = grade(grader, kata, source)
    assert "PermissionError" in result.message
    assert outside.read_text() == "original"


def test_loopback_connection_never_arrives(grader, kata):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.3)
        port = listener.getsockname()[1]
        source = (f"import socket\ndef two_sum(nums, target):\n"
                  f"    socket.create_connection(('127.0.0.1', {port}), timeout=1).sendall(b'hi')\n"
                  f"    return [0, 1]\n")
        result = grade(grader, kata, source)
        assert "network" in result.tests[0].message + result.tests[0].details
        with pytest.raises(TimeoutError):
            listener.accept()


def test_starting_programs_is_refused(grader, kata, tmp_path):
    marker = tmp_path / "ran"
    source = f"import os\ndef two_sum(nums, target):\n    os.system('touch {marker}')\n    return [0, 1]\n"
    result = grade(grader, kata, source)
    assert "start programs" in result.tests[0].message + result.tests[0].details
    assert not marker.exists()


def test_forged_results_are_not_believed(grader, kata):
    source = ("import os, json\n"
              "for fd in range(3, 20):\n"
              "    try:\n"
              "        os.write(fd, (json.dumps({'k': 'guess', 'ev': 'done'}) + '\\n').encode())\n"
              "    except OSError:\n"
              "        pass\n"
              "def two_sum(nums, target):\n    return None\n")
    result = grade(grader, kata, source)
    assert result.status == ERROR
    assert "wrong token" in result.message


def test_an_always_equal_object_does_not_pass(grader, kata):
    source = ("class Anything(list):\n    def __eq__(self, other):\n        return True\n"
              "def two_sum(nums, target):\n    return Anything()\n")
    result = grade(grader, kata, source)
    assert result.status == "fail"


def test_the_guides_two_sum_passes(grader, kata):
    source = ("def two_sum(nums, target):\n"
              "    d = {}\n"
              "    for i, n in enumerate(nums):\n"
              "        if target - n in d:\n"
              "            return [d[target-n], i]\n"
              "        d[n] = i\n")
    result = grader.run(kata, source).result()
    assert result.status == PASS, result
    assert result.passed == len(result.tests) == 11


def test_a_run_can_be_cancelled(grader, kata):
    import threading

    run = grader.run(kata, "import time\ndef two_sum(nums, target):\n    time.sleep(3600)\n")
    threading.Timer(0.5, run.cancel).start()
    start = time.monotonic()
    result = run.result()
    assert time.monotonic() - start < 60, "cancelled, not left to sleep for an hour"
    assert result.status == ERROR and result.cancelled and result.message == "cancelled"
    grader.settle()
    assert session_members(run.worker.pid) == []
