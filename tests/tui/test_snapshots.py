"""Layout snapshots of every screen at 80x24 and 120x40.

Update them after a deliberate change with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

import time

import pytest

from coach.grading.events import RunFinished, RunResult, RunStarted, TestFinished, TestResult
from coach.paths import data_dir
from coach.practice.store import Store
from tests.tui.helpers import NOON, make, wait_for

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
pytestmark = pytest.mark.parametrize("size", list(SIZES))


@pytest.fixture(autouse=True)
def stable_environment(monkeypatch, tmp_path):
    """The same data folder as shown, time zone and clock in every run. The folder is the
    test's own (processes and other sessions run at once); HOME points above it, so the
    screens show it as ~/.local/share/coach, as on a user's machine."""
    home = tmp_path / "home"
    (home / ".local" / "share" / "coach").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("COACH_HOME", str(home / ".local" / "share" / "coach"))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def two_sum_app():
    return make(mode="kata", kata=next(k for k in make().library.katas if k.slug == "two_sum"))


async def show_results(pilot):
    screen = pilot.app.screen
    names = ("test_example", "test_pair_in_the_middle", "test_element_not_used_twice", "test_equal_values",
             "test_negative_numbers[nums0-0]", "test_negative_numbers[nums1--3]")
    tests = (
        TestResult("test_example", "pass", 1.0),
        TestResult("test_pair_in_the_middle", "pass", 1.0),
        TestResult("test_element_not_used_twice", "fail", 2.0,
                   message="assert [0, 0] == [1, 2]",
                   details="test_two_sum.py:22: in test_element_not_used_twice\n"
                           "    assert_pair(two_sum([3, 2, 4], 6), [1, 2])\n"
                           "E   assert [0, 0] == [1, 2]\nE     At index 0 diff: 0 != 1"),
        TestResult("test_equal_values", "pass", 1.0),
        TestResult("test_negative_numbers[nums0-0]", "pass", 1.0),
        TestResult("test_negative_numbers[nums1--3]", "pass", 1.0),
    )
    for event in (RunStarted(names), *(TestFinished(t) for t in tests),
                  RunFinished(RunResult("fail", tests=tests, ms=31.0))):
        screen.post_message(screen.Graded(screen.run_id, event))
    await wait_for(pilot, lambda: screen.stage == "editing" and "passed" in str(
        screen.query_one("#results-summary").render()), what="the results to show")


def test_home(snap_compare, size):
    assert snap_compare(make(), terminal_size=SIZES[size])


def test_question(snap_compare, size):
    assert snap_compare(make(mode="rapid"), terminal_size=SIZES[size])


def test_revealed_answer(snap_compare, size):
    assert snap_compare(make(mode="rapid"), terminal_size=SIZES[size], press=["space"])


def test_typed_answer_feedback(snap_compare, size, monkeypatch):
    monkeypatch.setenv("COACH_SEMANTIC", "0")  # keywords only: the meaning model loads in the background
    keys = ["enter", *"one thread at a time runs bytecode", "ctrl+s"]
    assert snap_compare(make(mode="rapid"), terminal_size=SIZES[size], press=keys)


def test_summary(snap_compare, size):
    assert snap_compare(make(mode="rapid", count=2), terminal_size=SIZES[size], press=["space", "3", "space", "1"])


def test_summary_no_match(snap_compare, size):
    assert snap_compare(make(mode="rapid", topic="python", level="design"), terminal_size=SIZES[size])


def test_kata_list(snap_compare, size):
    assert snap_compare(make(mode="kata"), terminal_size=SIZES[size])


def test_workbench(snap_compare, size):
    assert snap_compare(two_sum_app(), terminal_size=SIZES[size])


def test_workbench_with_results(snap_compare, size):
    assert snap_compare(two_sum_app(), terminal_size=SIZES[size], run_before=show_results)


def test_workbench_results_full_height(snap_compare, size):
    async def full(pilot):
        await show_results(pilot)
        await pilot.press("f3")

    assert snap_compare(two_sum_app(), terminal_size=SIZES[size], run_before=full)


def test_confirm_dialog(snap_compare, size):
    assert snap_compare(two_sum_app(), terminal_size=SIZES[size], press=["ctrl+t"])


def test_solution_dialog(snap_compare, size):
    assert snap_compare(two_sum_app(), terminal_size=SIZES[size], press=["ctrl+l", "y"])


def test_help(snap_compare, size):
    assert snap_compare(make(), terminal_size=SIZES[size], press=["question_mark"])


def test_stats(snap_compare, size):
    with Store.open(data_dir() / "coach.db") as store:
        for day in range(5):
            for n in range(day + 1):
                store.conn.execute("INSERT INTO reviews (card_id, rating, reviewed_at) VALUES (?, 3, ?)",
                                   ("py-gil", NOON - day * 86_400 - n))
        store.record_attempt("two_sum", "pass", 11, 11, 95_000.0, at=NOON - 3600)
        store.record_attempt("throttle", "fail", 3, 8, 40_000.0, at=NOON - 7200)
    assert snap_compare(make(), terminal_size=SIZES[size], press=["s"])
