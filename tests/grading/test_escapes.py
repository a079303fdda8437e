"""Ways out that need no native code, and ways to pass without a passing test.

Each probe must change nothing outside the sandbox, leave no process behind,
never signal the grading process, and never be graded a pass.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from coach.content.library import load_library, resolve_kata
from coach.grading.events import ERROR, PASS, SKIP
from coach.grading.grader import Grader

TWO_SUM = ("def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n"
           "        if target - n in seen:\n            return [seen[target - n], i]\n"
           "        seen[n] = i\n    return None\n")


@pytest.fixture(scope="module")
def kata():
    two_sum = load_library(questions=False).kata("two_sum")
    return replace(two_sum, limits=replace(two_sum.limits, time=8))


@pytest.fixture(scope="module")
def grader():
    with Grader() as g:
        yield g


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in (b"Z", b"X")


def grade(grader, kata, source: str):
    result = grader.run(kata, TWO_SUM + source).result()
    grader.settle()
    assert result.status != PASS or "PermissionError" not in result.output
    return result


def messages(result) -> str:
    return "\n".join(t.message + "\n" + t.details for t in result.tests) + result.message


def test_sqlite_cannot_write_outside(grader, kata, tmp_path):
    db = tmp_path / "coach.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = db.read_bytes()
    source = (f"import sqlite3\ndef test_hook():\n    pass\n"
              f"c = sqlite3.connect({str(db)!r})\nc.execute('INSERT INTO t VALUES (1)')\nc.commit()\n")
    result = grade(grader, kata, source)
    assert result.status == ERROR and "sqlite3.connect" in result.message
    assert db.read_bytes() == before
    fresh = tmp_path / "new.db"
    grade(grader, kata, f"import sqlite3\nsqlite3.connect({str(fresh)!r}).execute('CREATE TABLE t (x)')\n")
    assert not fresh.exists()


def test_in_memory_and_sandbox_databases_work(grader, kata):
    source = ("import sqlite3\n_m = sqlite3.connect(':memory:')\n_m.execute('CREATE TABLE t (x)')\n"
              "_f = sqlite3.connect('scratch.db', isolation_level=None)\n")
    result = grade(grader, kata, source.replace("'scratch.db'", "__import__('tempfile').gettempdir() + '/s.db'"))
    assert result.status == PASS, result.message


def test_dir_fd_relative_writes_are_refused(grader, kata, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("original")
    source = (f"import os\n_d = os.open({str(tmp_path)!r}, os.O_RDONLY)\n"
              f"_f = os.open('precious.txt', os.O_WRONLY | os.O_TRUNC, dir_fd=_d)\n"
              f"os.write(_f, b'changed')\n")
    result = grade(grader, kata, source)
    assert result.status == ERROR and "refuses to change" in result.message
    assert target.read_text() == "original"
    source = f"import os\n_d = os.open({str(tmp_path)!r}, os.O_RDONLY)\nos.unlink('precious.txt', dir_fd=_d)\n"
    grade(grader, kata, source)
    assert target.read_text() == "original"


def test_descriptor_changes_outside_are_refused(grader, kata, tmp_path):
    target = tmp_path / "readonly.txt"
    target.write_text("original")
    target.chmod(0o444)
    source = (f"import os\n_f = os.open({str(target)!r}, os.O_RDONLY)\nos.fchmod(_f, 0o666)\n"
              f"os.write(os.open({str(target)!r}, os.O_WRONLY), b'x')\n")
    result = grade(grader, kata, source)
    assert result.status == ERROR and "refuses to change" in result.message
    assert stat.S_IMODE(target.stat().st_mode) == 0o444 and target.read_text() == "original"


def test_spawned_interpreters_are_refused_and_fork_children_are_guarded(grader, kata, tmp_path):
    target = tmp_path / "spawned.txt"
    source = (f"import multiprocessing\n"
              f"def _write():\n    open({str(target)!r}, 'w').write('escaped')\n"
              f"def test_spawn():\n"
              f"    p = multiprocessing.get_context('spawn').Process(target=_write)\n    p.start()\n    p.join()\n"
              f"def test_pool_works_under_the_guard():\n"
              f"    with multiprocessing.Pool(2) as pool:\n        assert pool.map(abs, [-1, -2]) == [1, 2]\n"
              f"    p = multiprocessing.Process(target=_write)\n    p.start()\n    p.join()\n")
    suite_kata = _suite_with(tmp_path, kata, "import pytest\nfrom two_sum import test_spawn, "
                             "test_pool_works_under_the_guard\n")
    result = grader.run(suite_kata, TWO_SUM + source).result()
    grader.settle()
    by_name = {t.name: t for t in result.tests}
    assert by_name["test_spawn"].status != PASS
    assert "new interpreters" in messages(result)
    assert not target.exists()


def _suite_with(tmp_path: Path, kata, suite: str):
    """A copy of two_sum whose suite is ``suite`` (tests imported from the solution)."""
    folder = tmp_path / "probe"
    folder.mkdir(exist_ok=True)
    (folder / "test_probe.py").write_text(suite)
    return replace(kata, path=folder, test_file="test_probe.py")


def test_children_that_leave_the_session_are_killed(grader, kata, tmp_path):
    source = ("import os, time\n"
              "def test_escape():\n"
              "    pid = os.fork()\n"
              "    if pid == 0:\n"
              "        os.setsid()\n"
              "        if os.fork() == 0:\n"
              "            os.write(1, f'ESCAPED {os.getpid()}\\n'.encode())\n"
              "            time.sleep(3600)\n"
              "        os._exit(0)\n"
              "    os.waitpid(pid, 0)\n"
              "    time.sleep(0.3)\n")
    suite_kata = _suite_with(tmp_path, kata, "from two_sum import test_escape\n")
    result = grader.run(suite_kata, TWO_SUM + source).result()
    grader.settle()
    pids = [int(line.split()[1]) for line in result.output.splitlines() if line.startswith("ESCAPED ")]
    assert pids, result.output
    deadline = time.monotonic() + 3
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(p) for p in pids), "a process that called setsid outlived the run"


def test_the_grading_process_cannot_be_signalled(grader, kata, tmp_path):
    source = ("import os, signal\n"
              "def test_kill_parent():\n"
              "    signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGTERM)\n"
              "def test_kill_parent_by_pid():\n"
              "    os.kill(os.getppid(), signal.SIGTERM)\n")
    suite_kata = _suite_with(tmp_path, kata, "from two_sum import test_kill_parent, test_kill_parent_by_pid\n")
    result = grader.run(suite_kata, TWO_SUM + source).result()
    assert [t.status for t in result.tests] == ["fail", "fail"]
    assert "refuses to signal processes outside the run" in messages(result)


CHEATS = {
    "xfail": "import pytest\ndef two_sum(nums, target):\n    pytest.xfail('later')\n",
    "skip": "import pytest\ndef two_sum(nums, target):\n    pytest.skip('later')\n",
    "skip at import": "import pytest\npytest.skip('nothing here', allow_module_level=True)\n",
    "unittest skip": "import unittest\ndef two_sum(nums, target):\n    raise unittest.SkipTest('later')\n",
    "plugin": ("import sys\n"
               "class _P:\n    def pytest_runtest_logreport(self, report):\n        report.outcome = 'passed'\n"
               "_f = sys._getframe()\n"
               "while _f is not None and 'prepared' not in _f.f_locals:\n    _f = _f.f_back\n"
               "_f.f_locals['prepared'].config.pluginmanager.register(_P())\n"
               "def two_sum(nums, target):\n    return None\n"),
    "pytest object": "import _pytest.outcomes\n_pytest.outcomes.fail = lambda *a, **k: None\n",
    "builtins": "import builtins\nbuiltins.all = lambda *a: True\ndef two_sum(nums, target):\n    return None\n",
    # the comparison itself walks with map, len, tuple and all: replacing them must not blind it
    "the check's own tools": ("import builtins\nbuiltins.map = lambda *a: iter(())\nbuiltins.len = lambda x: 0\n"
                              "builtins.tuple = lambda *a: ()\ndef two_sum(nums, target):\n    return None\n"),
    "in a test": ("import builtins\n_calls = []\ndef two_sum(nums, target):\n"
                  "    _calls.append(1)\n"
                  "    if len(_calls) == 1:\n        builtins.len = lambda x: 2\n"
                  "    seen = {}\n    for i, n in enumerate(nums):\n"
                  "        if target - n in seen:\n            return [seen[target - n], i]\n"
                  "        seen[n] = i\n    return None\n"),
    # changed after the first test, where only the outcome's path is compared: the last check sees it
    "late, elsewhere": ("import _pytest.fixtures as _fx\n_calls = []\ndef two_sum(nums, target):\n"
                        "    if not _calls:\n        _calls.append(_fx.getfixturemarker)\n"
                        "        _fx.getfixturemarker = lambda obj: _calls[0](obj)\n"
                        + TWO_SUM.split("\n", 1)[1]),
    # a framework function changed in place keeps its identity: its code is compared too
    "in place": ("import _pytest.runner as _r\n_r.show_test_item.__code__ = _r.show_test_item.__code__.replace()\n"
                 + TWO_SUM),
    # the per-test check switched off: the last check is made through another reference
    "checks switched off": ("import sys, builtins\n_calls = []\ndef two_sum(nums, target):\n"
                            "    if not _calls:\n        _calls.append(1)\n"
                            "        _f = sys._getframe()\n"
                            "        while 'reporter' not in _f.f_locals:\n            _f = _f.f_back\n"
                            "        _f.f_locals['reporter'].check_integrity = lambda full=True: None\n"
                            "        return None\n"
                            + TWO_SUM.split("\n", 1)[1]),
}


@pytest.mark.parametrize("case", sorted(CHEATS))
def test_cheats_are_never_a_pass(grader, kata, case):
    result = grader.run(kata, CHEATS[case]).result()
    grader.settle()
    assert result.status != PASS
    assert result.passed < len(result.tests) or case == "late, elsewhere"  # there the run is an error
    if case in ("xfail", "skip", "unittest skip"):
        assert all(t.status == ERROR for t in result.tests[:10])
        assert "the solution called" in result.tests[0].message
    if case in ("plugin", "pytest object", "builtins", "in a test", "the check's own tools"):
        assert "changed the test framework" in messages(result)
    if case == "late, elsewhere":
        assert result.status == ERROR and result.passed == 11
        assert result.message == ("the solution changed the test framework during the run: "
                                  "_pytest.fixtures.getfixturemarker was replaced, added or removed")
    if case == "in place":
        assert result.status == ERROR and "_pytest.runner.show_test_item.__code__ was replaced" in result.message
    if case == "checks switched off":
        assert result.status == ERROR and "reporter.check_integrity was replaced" in result.message


def test_the_suites_own_skips_xfails_and_async_tests(tmp_path):
    folder = tmp_path / "marks"
    (folder / ".meta").mkdir(parents=True)
    (folder / ".docs").mkdir()
    (folder / ".docs" / "instructions.md").write_text("# Marks\n")
    (folder / ".meta" / "config.json").write_text(json.dumps({"files": {
        "solution": ["marks.py"], "test": ["marks_test.py"], "example": [".meta/example.py"]}}))
    (folder / "marks.py").write_text("def double(n):\n    return 2 * n\n")
    (folder / ".meta" / "example.py").write_text("def double(n):\n    return 2 * n\n")
    (folder / "marks_test.py").write_text(textwrap.dedent("""
        import asyncio
        import sys
        import pytest
        from marks import double

        def test_double():
            assert double(2) == 4

        @pytest.mark.skip(reason="not yet")
        def test_skipped_by_the_author():
            assert False

        @pytest.mark.skipif(sys.version_info < (9,), reason="a future Python")
        def test_future():
            assert False

        @pytest.mark.xfail(reason="known gap")
        def test_known_gap():
            assert double("a") == 2

        def test_imperative_skip():
            pytest.skip("the author skips this")

        async def test_async():
            await asyncio.sleep(0)
            assert double(3) == 6
    """))
    with Grader(keep_warm=False) as grader:
        result = grader.grade(resolve_kata(str(folder)), folder / ".meta" / "example.py")
    statuses = {t.name: t.status for t in result.tests}
    assert statuses == {"test_double": PASS, "test_skipped_by_the_author": SKIP, "test_future": SKIP,
                        "test_known_gap": SKIP, "test_imperative_skip": SKIP, "test_async": PASS}
    assert result.status == PASS, result.message
    assert result.summary == "2 passed, 4 skipped"
