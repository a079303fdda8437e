"""Layout snapshots at 100x32: home, a question, a revealed answer, the workbench, stats.

Update them after a deliberate change with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from coach.grading.events import RunFinished, RunResult, RunStarted, TestFinished, TestResult
from coach.practice.store import Store
from tests.tui.helpers import NOON, make

SIZE = (100, 32)
HOME = Path("/tmp/coach-snapshot-home")


@pytest.fixture(autouse=True)
def stable_environment(monkeypatch):
    """The same data folder path, time zone and clock in every run."""
    shutil.rmtree(HOME, ignore_errors=True)
    HOME.mkdir(parents=True)
    monkeypatch.setenv("COACH_HOME", str(HOME))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    shutil.rmtree(HOME, ignore_errors=True)
    monkeypatch.delenv("TZ")
    time.tzset()


def test_home(snap_compare):
    assert snap_compare(make(), terminal_size=SIZE)


def test_question(snap_compare):
    assert snap_compare(make(mode="rapid"), terminal_size=SIZE)


def test_revealed_answer(snap_compare):
    assert snap_compare(make(mode="rapid"), terminal_size=SIZE, press=["space"])


def test_workbench_with_results(snap_compare):
    app = make(mode="kata", kata=next(k for k in make().library.katas if k.slug == "two_sum"))

    async def show_results(pilot):
        screen = app.screen
        names = ("test_example", "test_pair_in_the_middle", "test_element_not_used_twice", "test_equal_values")
        tests = (
            TestResult("test_example", "pass", 1.0),
            TestResult("test_pair_in_the_middle", "pass", 1.0),
            TestResult("test_element_not_used_twice", "fail", 2.0,
                       message="assert [0, 0] == [1, 2]",
                       details="test_two_sum.py:22: in test_element_not_used_twice\n"
                               "    assert_pair(two_sum([3, 2, 4], 6), [1, 2])\n"
                               "E   assert [0, 0] == [1, 2]"),
            TestResult("test_equal_values", "pass", 1.0),
        )
        for event in (RunStarted(names), *(TestFinished(t) for t in tests),
                      RunFinished(RunResult("fail", tests=tests, ms=31.0))):
            screen.post_message(screen.Graded(screen.run_id, event))
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=show_results)


def test_stats(snap_compare):
    with Store.open(HOME / "coach.db") as store:
        for day in range(5):
            for n in range(day + 1):
                store.conn.execute("INSERT INTO reviews (card_id, rating, reviewed_at) VALUES (?, 3, ?)",
                                   ("py-gil", NOON - day * 86_400 - n))
        store.record_attempt("two_sum", "pass", 11, 11, 95_000.0, at=NOON - 3600)
        store.record_attempt("throttle", "fail", 3, 8, 40_000.0, at=NOON - 7200)
    assert snap_compare(make(), terminal_size=SIZE, press=["s"])
