"""Katas on the scheduler: the rating from the evidence, when a kata comes back, best times and tries."""

from __future__ import annotations

import pytest

from coach.practice import katasched
from coach.practice.attempts import KataSession
from coach.practice.katasched import Evidence, SessionRecord, next_kata_row, record_session, suggest
from coach.practice.queue import DAY, start_of_day
from coach.practice.scheduler import AGAIN, EASY, GOOD, HARD
from coach.practice.store import Store
from tests.practice.helpers import FakeClock

SOLVED = "def two_sum(nums, target): return [0, 1]\n"


@pytest.mark.parametrize(("evidence", "rating"), [
    (Evidence(runs=1, tries=1, first_pass_ms=60_000.0), EASY),
    (Evidence(runs=3, tries=3, failed_runs=2, first_pass_ms=60_000.0), GOOD),
    (Evidence(runs=1, tries=1, hints=1, first_pass_ms=60_000.0), HARD),
    (Evidence(runs=1, tries=1, viewed_solution=True, first_pass_ms=60_000.0), AGAIN),
    (Evidence(runs=2, tries=2, failed_runs=2), AGAIN),  # gave up
])
def test_the_rating_follows_the_evidence(evidence, rating):
    assert suggest(evidence) == rating


def test_a_rated_kata_never_comes_back_the_same_day():
    now = FakeClock().now + 23 * 3600  # late in the day
    tomorrow = start_of_day(now) + DAY
    for rating in (AGAIN, HARD, GOOD, EASY):
        assert next_kata_row("k", rating, now, None).due >= tomorrow
    assert next_kata_row("k", EASY, now, None).due > next_kata_row("k", GOOD, now, None).due


def session(store: Store, clock: FakeClock, start_text: str | None = None) -> KataSession:
    return KataSession(store, "two_sum", clock=lambda: clock.now, wall=lambda: clock.now, start_text=start_text)


def test_a_session_collects_evidence_and_its_rating_schedules_the_kata(tmp_path):
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        s = session(store, clock, start_text="starter")
        assert s.rateable and s.timed
        s.record("fail", 3, 11, "draft 1")
        s.record("fail", 3, 11, "draft 1")  # unchanged code: a run, not a try
        clock.advance(90)
        assert s.record("pass", 11, 11, SOLVED) == 90_000.0
        assert (s.evidence.runs, s.evidence.tries, s.evidence.failed_runs) == (3, 2, 2)
        assert s.suggested == GOOD
        s.rate(GOOD)
        sched = katasched.schedule(store, "two_sum")
        assert sched is not None and sched.due >= start_of_day(clock.now) + DAY
        assert katasched.best_times(store) == {"two_sum": 90_000.0}
        assert katasched.tries(store) == {"two_sum": 2}
        # reopened before it is due: practice, not rated, and a solved draft is no new best
        clock.advance(60)
        again = session(store, clock, start_text=SOLVED)
        assert not again.rateable and not again.timed
        again.record("pass", 11, 11, SOLVED)
        assert katasched.best_times(store) == {"two_sum": 90_000.0}
        assert not again.needs_rating


def test_a_pass_after_viewing_the_solution_is_recorded_as_such_and_is_no_best_time(tmp_path):
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        s = session(store, clock, start_text="starter")
        s.viewed_solution = True
        clock.advance(5)
        s.record("pass", 11, 11, SOLVED)
        assert s.suggested == AGAIN
        s.rate(s.suggested)
        assert katasched.best_times(store) == {}
        assert katasched.spoiled_passes(store) == {"two_sum"}
        assert store.conn.execute("SELECT viewed_solution, rating FROM kata_sessions").fetchall() == [(1, AGAIN)]


def test_a_due_kata_comes_back_once_until_it_is_rated_again(tmp_path):
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        row = record_session(store, SessionRecord("two_sum", clock.now - 60, clock.now, Evidence(1, 1, 0, 0, False, 1.0),
                                                  True, EASY))
        assert row is not None
        sched = katasched.schedule(store, "two_sum")
        assert not sched.comes_back(clock.now) and sched.comes_back(row.due)
        katasched.set_aside(store, "two_sum", SOLVED, row.due)
        sched = katasched.schedule(store, "two_sum")
        assert sched.kept_draft == SOLVED and not sched.comes_back(row.due + 60)  # set aside already


def test_stats_json_gives_each_katas_due_date_in_iso_8601(tmp_path):
    from datetime import datetime

    from tests.practice.test_stats import library

    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        record_session(store, SessionRecord("two_sum", clock.now - 60, clock.now, Evidence(1, 1, 0, 0, False, 60_000.0),
                                            True, EASY))
        from coach.practice.stats import compute

        items = {k["slug"]: k for k in compute(store, library(), now=clock.now)
                 .to_dict()["katas"]["items"]}
    two_sum, lru = items["two_sum"], items["lru"]
    assert datetime.fromisoformat(two_sum["due"]).timestamp() > clock.now + DAY / 2
    assert two_sum["state"] == "review" and two_sum["best_ms"] == 60_000.0
    assert (lru["due"], lru["state"]) == (None, "new")


def test_best_time_is_active_time_a_long_pause_counts_as_the_cap(tmp_path):
    from coach.practice.attempts import IDLE_CAP

    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        s = session(store, clock, start_text="starter")
        clock.advance(60)
        s.touch()  # typing
        clock.advance(3 * 3600)  # left open for three hours
        s.touch()
        clock.advance(30)
        assert s.record("pass", 11, 11, SOLVED) == (60 + IDLE_CAP + 30) * 1000


def test_interval_labels_read_like_the_rating_keys():
    from coach.practice.katasched import interval_label

    assert [interval_label(s) for s in (5 * 3600, 0.99 * DAY, 8 * DAY, 90 * DAY)] == ["5h", "1d", "8d", "3mo"]
