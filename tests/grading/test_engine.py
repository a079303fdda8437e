"""Engine regressions: verdicts that must never turn into a pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.content.library import load_library, resolve_kata
from coach.grading.events import ERROR
from coach.grading.formats import human
from coach.grading.grader import Grader

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def grader():
    with Grader() as g:
        yield g


@pytest.fixture(scope="module")
def two_sum():
    return load_library(questions=False).kata("two_sum")


# Correct on every input but the big one, which only the last test uses:
# an interrupted last test must not count as passed.
INTERRUPT_LAST = """
def two_sum(nums, target):
    if len(nums) > 1000:
        {action}
    seen = {{}}
    for i, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], i]
        seen[n] = i
    return None
"""


@pytest.mark.parametrize(("action", "cause"), [
    ("raise KeyboardInterrupt", "KeyboardInterrupt"),
    ("import pytest; pytest.exit('bye')", "Exit"),
])
def test_an_interrupted_test_is_never_a_pass(grader, two_sum, action, cause):
    result = grader.grade(two_sum, INTERRUPT_LAST.format(action=action))
    assert result.status == ERROR
    assert result.message == f"test_linear_time did not finish: interrupted by {cause}"
    assert result.passed == 10


def test_unretrieved_task_errors_do_not_crash_pytest(grader):
    """CPython gh-106905: on 3.11.0-3.11.7 this starter made pytest die mid-run."""
    kata = resolve_kata(str(FIXTURES / "async_retry"))
    result = grader.grade(kata, kata.starter_path)
    assert result.status == "fail", result.message
    assert grader.grade(kata, kata.solution_path).status == "pass"


BRUTE_FORCE = """
def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return None
"""

SLOW_GENERATOR = """
def pairs(nums):
    seen = ()
    for n in nums:
        seen = seen + (n,)
        if len(seen) % 7 == 0:
            yield seen[-1]

def two_sum(nums, target):
    list(pairs(nums * 50))
    index = {}
    for i, n in enumerate(nums):
        if target - n in index:
            return [index[target - n], i]
        index[n] = i
"""


@pytest.mark.parametrize("source", [BRUTE_FORCE, SLOW_GENERATOR], ids=["nested loops", "quadratic generator"])
def test_a_blown_time_limit_is_an_error_of_that_test_alone(grader, two_sum, source):
    result = grader.grade(two_sum, source)
    assert result.status == "fail", result.message
    assert result.summary == "10 passed, 1 error"
    last = result.tests[-1]
    assert (last.name, last.status) == ("test_linear_time", "error")
    assert last.message.startswith("took longer than 1 s, this test's time limit; it was running two_sum.py:")
    assert last.ms >= 900, "the time shown is the time it ran"
    assert last.details == "", "the message says it all; `coach check` and the TUI show it once"
    report = human(result)
    assert report.count("this test's time limit") == 1, report


def test_tracebacks_show_the_test_and_the_solution_not_the_libraries_between(grader, two_sum):
    source = "import json\n\ndef two_sum(nums, target):\n    return json.loads('{not json')\n"
    result = grader.grade(two_sum, source)
    details = result.tests[0].details
    assert "test_two_sum.py:" in details
    assert "two_sum.py:4: in two_sum" in details
    assert "json/__init__.py" not in details, "library frames between are left out"
    assert "JSONDecodeError" in details


STUCK_IN_THE_FIRST_TEST = """
import signal

def two_sum(nums, target):
    if nums == [2, 7, 11, 15]:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # the in-process alarm cannot stop this
        while True:
            pass
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], i]
        seen[n] = i
    return None
"""


def test_a_stuck_test_is_killed_and_a_fresh_worker_runs_the_rest(grader, two_sum):
    from dataclasses import replace

    kata = replace(two_sum, limits=replace(two_sum.limits, test=1.0))
    result = grader.grade(kata, STUCK_IN_THE_FIRST_TEST)
    assert result.summary == "10 passed, 1 error"
    first = result.tests[0]
    assert (first.name, first.status) == ("test_example", ERROR)
    assert first.message in (  # the loop's line or its body's, wherever the stack was caught
        "took longer than 1 s, this test's time limit; it was running two_sum.py:7 in two_sum: while True:",
        "took longer than 1 s, this test's time limit; it was running two_sum.py:8 in two_sum: pass")
    assert first.ms >= 1000, "the time shown is the time it ran"
    assert len(result.tests) == 11 and result.status == "fail"


def test_a_syntax_error_makes_every_test_an_error(grader, two_sum):
    result = grader.grade(two_sum, "def two_sum(nums, target)\n    return None\n")
    assert result.status == ERROR and result.import_error
    assert len(result.tests) == 11 and result.summary == "0 passed, 11 errors"
    assert {t.message for t in result.tests} == {"SyntaxError on line 1: expected ':'"}
    assert human(result).count("SyntaxError") == 1, "coach check says the run's error once"
    assert "test_too_short_returns_none[one number]" in {t.name for t in result.tests}


def test_a_run_right_after_a_spare_starts_waits_for_it(two_sum, monkeypatch):
    """A spare's thread is slow to start (a loaded machine): a run asking for a worker
    in that moment waits for it instead of failing with 'cannot join thread before it
    is started' (seen as 'The tests could not be run' after a second ctrl+r)."""
    import threading
    import time
    from types import SimpleNamespace

    from coach.grading import grader as grader_module

    class SlowStart(threading.Thread):
        def start(self) -> None:
            time.sleep(0.3)
            super().start()

    with Grader(kata=two_sum) as g:
        g.wait_ready()
        g._take().close()  # no spare now: the next run waits for the one starting
        replenish = threading.Thread(target=g._replenish)
        monkeypatch.setattr(grader_module, "threading", SimpleNamespace(Thread=SlowStart, Lock=threading.Lock))
        replenish.start()
        time.sleep(0.1)  # inside the slow start
        monkeypatch.undo()
        assert g.grade(two_sum, two_sum.solution_path).status == "pass"
        replenish.join()
