"""Anki's comforts in a Drill: previews that are what a rating saves, undo, suspend, bury,
new cards per day as a setting."""

from __future__ import annotations

import threading

import pytest
from fsrs import Scheduler

from coach import settings
from coach.practice.queue import start_of_day, tomorrow
from coach.practice.scheduler import AGAIN, EASY, GOOD, HARD, Drill, fuzz_days, interval_label, make_scheduler
from coach.practice.store import Store
from coach.practice.writer import Writer
from tests.practice.helpers import FakeClock, question

DAY = 86_400


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "coach.db") as s:
        yield s


def review_count(store: Store) -> int:
    return store.review_count()


def test_each_preview_is_the_interval_the_rating_then_saves_fuzz_included(tmp_path):
    clock = FakeClock()
    q = question("q1")
    for rating in (AGAIN, HARD, GOOD, EASY):
        with Store.open(tmp_path / f"{rating}.db") as store:
            d = Drill(store, [q], scheduler=make_scheduler(), clock=clock)
            d.rate(q, EASY)  # a review card...
            clock.advance(store.card("q1").due - clock.now + 5 * DAY)  # ...overdue, so intervals are long
            d = Drill(store, [q], scheduler=make_scheduler(), clock=clock)
            preview = d.preview(q)
            saved = d.rate(q, rating).due - clock.now
            assert preview[rating] == pytest.approx(saved), RATING_LABEL[rating]
            clock.now = FakeClock().now
    assert preview[AGAIN] < preview[HARD] < preview[GOOD] < preview[EASY]


RATING_LABEL = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}


def test_preview_saves_nothing_and_cramming_previews_nothing(store):
    q = question("q1")
    assert set(Drill(store, [q], clock=FakeClock()).preview(q)) == {1, 2, 3, 4}
    assert store.card("q1") is None and review_count(store) == 0
    assert Drill(store, [q], cram=True, clock=FakeClock()).preview(q) == {}


def test_fuzz_is_the_same_for_the_same_card_and_review_and_stays_close():
    assert fuzz_days(2, "a:3", 36500) == 2
    spread = {fuzz_days(40, f"card{i}:5", 36500) for i in range(200)}
    assert spread <= set(range(38, 43)) and len(spread) > 1
    assert fuzz_days(40, "card7:5", 36500) == fuzz_days(40, "card7:5", 36500)


@pytest.mark.parametrize(("seconds", "label"), [(30, "<1m"), (59.99999, "1m"), (299.9999, "5m"), (600, "10m"), (5 * 3600, "5h"), (4 * DAY, "4d"),
                                                 (45 * DAY, "1.5mo"), (60 * DAY, "2mo"), (800 * DAY, "2.2y")])
def test_interval_labels(seconds, label):
    assert interval_label(seconds) == label


def test_undo_takes_back_a_rating_exactly_the_card_next_again(store):
    clock = FakeClock()
    qs = [question("q1", order=0), question("q2", order=1)]
    d = Drill(store, qs, scheduler=Scheduler(enable_fuzzing=False), clock=clock)
    d.rate(qs[0], EASY)
    clock.advance(store.card("q1").due - clock.now)
    d = Drill(store, qs, scheduler=Scheduler(enable_fuzzing=False), clock=clock)
    before, queue = store.card("q1"), list(d.queue)
    d.rate(qs[0], AGAIN)
    assert store.card("q1") != before and review_count(store) == 2
    step = d.undo()
    assert step is not None and step.kind == "rating"
    assert store.card("q1") == before and review_count(store) == 1
    assert d.queue == queue and d.next() is qs[0] and d.rated == 0 and d.counts() == (1, 1)
    assert d.undo() is None, "the rating of an earlier session is not this session's to undo"


def test_undo_of_a_new_cards_first_rating_leaves_it_new(store):
    q = question("q1")
    d = Drill(store, [q], clock=FakeClock())
    d.rate(q, GOOD)
    d.undo()
    assert store.card("q1") is None and review_count(store) == 0 and d.counts() == (0, 1)


def test_undo_works_while_the_rating_is_still_queued_in_the_writer(store):
    gate = threading.Event()

    def opener(path):
        gate.wait(10)  # nothing is written until the test has rated and undone
        return Store.open(path, wait=1.0, read_only_fallback=False)

    writer = Writer(store.path, opener=opener)
    q = question("q1")
    d = Drill(store, [q], clock=FakeClock(), writer=writer)
    d.rate(q, GOOD)
    d.undo()
    assert writer.status().pending >= 1, "both writes were still queued"
    gate.set()
    assert writer.close(timeout=10) == []
    assert review_count(store) == 0 and store.card("q1") is None


def test_undo_leaves_a_card_another_session_reviewed_since(store):
    clock = FakeClock()
    q = question("q1")
    d = Drill(store, [q], clock=clock)
    d.rate(q, GOOD)
    clock.advance(60)
    Drill(store, [q], clock=clock).rate(q, AGAIN)  # another window rated it since
    theirs = store.card("q1")
    d.undo()
    assert store.card("q1") == theirs and review_count(store) == 1


def test_a_suspended_card_never_comes_back_until_unsuspended(store):
    clock = FakeClock()
    qs = [question("q1", order=0), question("q2", order=1)]
    d = Drill(store, qs, clock=clock)
    d.rate(qs[0], EASY)
    d.suspend(qs[1])
    assert d.next() is None
    clock.advance(400 * DAY)
    assert Drill(store, qs, clock=clock).queue == ["q1"]
    d2 = Drill(store, qs, clock=clock)
    d2.suspend(qs[0])
    assert Drill(store, qs, clock=clock).queue == [] and Drill(store, qs, clock=clock, cram=True).queue == []
    assert [card for card, _ in store.suspended()] == ["q2", "q1"]
    assert store.release("q2", "suspended") and not store.release("q2", "suspended")
    assert Drill(store, qs, clock=clock).queue == ["q2"]


def test_a_buried_card_is_skipped_until_tomorrow(store):
    clock = FakeClock(start_of_day(FakeClock().now) + 15 * 3600)  # 3 pm local
    qs = [question("q1", order=0), question("q2", order=1)]
    d = Drill(store, qs, clock=clock)
    d.bury(qs[0])
    assert d.next() is qs[1]
    clock.advance(8 * 3600)  # 11 pm: still today
    assert Drill(store, qs, clock=clock).queue == ["q2"]
    clock.now = tomorrow(clock.now)
    assert Drill(store, qs, clock=clock).queue == ["q1", "q2"]


def test_undo_brings_back_a_suspended_or_buried_card(store):
    qs = [question("q1", order=0), question("q2", order=1)]
    d = Drill(store, qs, clock=FakeClock())
    d.suspend(qs[0])
    d.bury(qs[1])
    assert d.undo().kind == "buried" and d.next() is qs[1]
    assert d.undo().kind == "suspended" and d.next() is qs[0]
    assert store.held_ids(FakeClock().now) == set() and d.queue == ["q1", "q2"]


@pytest.mark.parametrize(("saved", "expected"), [(None, 20), (7, 7), (0, 0), (-3, 20), ("12", 20), (True, 20)])
def test_new_cards_per_day_is_a_setting(saved, expected):
    if saved is not None:
        settings.save(new_per_day=saved)
    assert settings.new_per_day() == expected


def test_an_undo_that_cannot_be_saved_leaves_the_session_as_it_was(tmp_path):
    from coach.practice.faults import StoreError

    store = Store.memory(tmp_path / "coach.db", "the disk is full")
    qs = [question("q1", order=0), question("q2", order=1)]
    d = Drill(store, qs, clock=FakeClock())
    with pytest.raises(StoreError):
        d.rate(qs[0], GOOD)
    queue = list(d.queue)
    with pytest.raises(StoreError):
        d.undo()
    assert d.queue == queue and d.rated == 1 and d.can_undo
