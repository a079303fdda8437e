"""The drill queue and FSRS transitions, with a fake clock and no fuzzing."""

from __future__ import annotations

import pytest
from fsrs import Scheduler, State

from coach.practice.scheduler import AGAIN, EASY, GOOD, HARD, Drill, Filters
from coach.practice.store import Store
from tests.practice.helpers import FakeClock, question

DAY = 86_400


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "coach.db") as s:
        yield s


def drill(store, questions, clock, **kw):
    return Drill(store, questions, scheduler=Scheduler(enable_fuzzing=False), clock=clock, **kw)


def test_new_cards_come_in_curriculum_order(store):
    qs = [question("adv", level="advanced", order=0), question("b2", order=2), question("b1", order=1),
          question("design", level="design", order=3), question("mid", level="intermediate", order=4)]
    d = drill(store, qs, FakeClock())
    assert d.queue == ["b1", "b2", "mid", "adv", "design"]


def test_a_new_card_rated_good_is_learning_then_graduates(store):
    clock = FakeClock()
    q = question("q1")
    d = drill(store, [q], clock)
    outcome = d.rate(q, GOOD)
    row = store.card("q1")
    assert row.state == State.Learning
    assert outcome.due == pytest.approx(clock.now + 600)  # second learning step: 10 minutes
    assert d.queue == ["q1"], "a card still learning comes back this session"
    clock.advance(600)
    d.rate(q, GOOD)
    row = store.card("q1")
    assert row.state == State.Review
    assert row.due - clock.now >= DAY, "graduated cards wait at least a day"
    assert d.queue == []


def test_again_on_a_review_card_relearns_and_counts_a_lapse(store):
    clock = FakeClock()
    q = question("q1")
    d = drill(store, [q], clock)
    d.rate(q, EASY)
    assert store.card("q1").state == State.Review
    clock.advance(store.card("q1").due - clock.now)
    d2 = drill(store, [q], clock)
    assert d2.next() is q
    d2.rate(q, AGAIN)
    row = store.card("q1")
    assert row.state == State.Relearning
    assert row.lapses == 1
    assert row.due - clock.now == pytest.approx(600)


def test_easier_ratings_schedule_further_out(store):
    clock = FakeClock()
    dues = {}
    for rating in (HARD, GOOD, EASY):
        q = question(f"q{rating}")
        d = drill(store, [q], clock)
        d.rate(q, EASY)  # graduate at once
        clock.advance(store.card(q.id).due - clock.now)
        dues[rating] = d.rate(q, rating).due
        clock.now = 1_767_225_600.0
    assert dues[HARD] < dues[GOOD] < dues[EASY]


def test_due_cards_first_most_overdue_first_then_new(store):
    clock = FakeClock()
    qs = [question(f"q{i}", order=i) for i in range(5)]
    d = drill(store, qs, clock)
    for q in qs[:3]:
        d.rate(q, EASY)
        clock.advance(3600)
    clock.advance(60 * DAY)  # all three are overdue; q0 the most
    d2 = drill(store, qs, clock)
    assert d2.queue == ["q0", "q1", "q2", "q3", "q4"]
    assert d2.counts() == (3, 2)


def test_daily_new_card_limit(store):
    clock = FakeClock()
    qs = [question(f"q{i}", order=i) for i in range(30)]
    d = drill(store, qs, clock, new_per_day=5)
    assert d.queue == [f"q{i}" for i in range(5)]
    for q in qs[:3]:
        d.rate(q, EASY)
    later = drill(store, qs, clock, new_per_day=5)
    assert [c for c in later.queue if c not in {"q0", "q1", "q2"}] == ["q3", "q4"]
    clock.advance(DAY)
    tomorrow = drill(store, qs, clock, new_per_day=5)
    assert [c for c in tomorrow.queue if c.startswith("q")][-5:] == ["q3", "q4", "q5", "q6", "q7"]


def test_filters_by_topic_tag_and_level(store):
    qs = [question("a", topic="python", tags=("gil",)), question("b", topic="fastapi", level="advanced"),
          question("c", topic="python", level="advanced", tags=("gil", "threads"))]
    clock = FakeClock()
    assert drill(store, qs, clock, filters=Filters(topic="python")).queue == ["a", "c"]
    assert drill(store, qs, clock, filters=Filters(tag="gil", level="advanced")).queue == ["c"]
    assert drill(store, qs, clock, filters=Filters(level="advanced")).queue == ["b", "c"]


def test_cram_ignores_and_keeps_the_schedule(store):
    clock = FakeClock()
    qs = [question(f"q{i}", order=i) for i in range(3)]
    d = drill(store, qs, clock)
    d.rate(qs[0], EASY)
    before = store.card("q0")
    clock.advance(5)
    cram = drill(store, qs, clock, cram=True)
    assert cram.queue == ["q0", "q1", "q2"], "cram serves every card, due or not"
    cram.rate(qs[0], AGAIN)
    cram.rate(qs[1], GOOD)
    assert store.card("q0") == before
    assert store.card("q1") is None
    assert store.review_count() == 3, "cram reviews are logged"


def test_rating_must_be_1_to_4(store):
    q = question("q")
    with pytest.raises(ValueError):
        drill(store, [q], FakeClock()).rate(q, 5)


def test_questions_removed_from_the_bank_are_skipped(store):
    clock = FakeClock()
    old, kept = question("gone"), question("kept", order=1)
    d = drill(store, [old, kept], clock)
    d.rate(old, EASY)
    d.rate(kept, EASY)
    clock.advance(30 * DAY)
    assert drill(store, [kept], clock).queue == ["kept"]
