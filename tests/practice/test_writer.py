"""The write queue: in order, retried after transient failures, never dropped silently."""

from __future__ import annotations

import threading

import pytest

from coach.practice.scheduler import Drill
from coach.practice.store import Store
from coach.practice.writer import Writer, WriteStatus
from tests.practice.helpers import FakeClock, question
from tests.practice.test_store_faults import hold_lock, release

FAST = (0.01, 0.05)  # retry pauses for tests; waits below are events, never timings


def attempt(i: int):
    return lambda store: store.record_attempt("k", "fail", i, 100, at=float(i))


def watch(writer_kwargs: dict) -> tuple[list[WriteStatus], threading.Event, threading.Event]:
    seen: list[WriteStatus] = []
    stuck, done = threading.Event(), threading.Event()

    def on_change(status: WriteStatus) -> None:
        seen.append(status)
        if status.error:
            stuck.set()
        if status.pending == 0:
            done.set()
    writer_kwargs["on_change"] = on_change
    return seen, stuck, done


def test_writes_are_applied_in_order_and_reported(tmp_path):
    db = tmp_path / "coach.db"
    Store.open(db).close()
    kwargs: dict = {}
    seen, _stuck, _done = watch(kwargs)
    writer = Writer(db, retry_delays=FAST, **kwargs)
    for i in range(50):
        writer.submit(f"attempt {i}", attempt(i))
    assert writer.close() == []
    assert writer.status() == WriteStatus(pending=0, saved=50)
    assert seen[-1].all_saved
    with Store.open(db) as store:
        order = [p for (p,) in store.conn.execute("SELECT passed FROM attempts ORDER BY id")]
    assert order == list(range(50))


def test_a_locked_database_keeps_the_write_pending_then_saves_it(tmp_path):
    db = tmp_path / "coach.db"
    Store.open(db).close()
    kwargs: dict = {}
    _seen, stuck, _done = watch(kwargs)

    def opener(path):
        store = Store.open(path)
        store.conn.execute("PRAGMA busy_timeout = 50")
        return store

    holder = hold_lock(db, "write")
    writer = Writer(db, retry_delays=FAST, opener=opener, **kwargs)
    try:
        writer.submit("rating of q1", attempt(1))
        writer.submit("rating of q2", attempt(2))
        assert stuck.wait(60), "the failure is reported"
        status = writer.status()
        assert status.pending == 2 and "locked" in (status.error or "") and status.error.startswith("not saved yet")
    finally:
        release(holder)
    writer.retry_now()
    assert writer.flush(60)
    assert writer.close() == []
    with Store.open(db) as store:
        assert store.kata_summary()["k"]["attempts"] == 2


def test_a_read_only_store_keeps_writes_until_it_can_save_them(tmp_path):
    db = tmp_path / "coach.db"
    Store.open(db).close()
    writable = threading.Event()

    def opener(path):  # a full disk until "space is freed"
        if not writable.is_set():
            return Store.memory(path, f"the disk holding {path} is full; free some space")
        return Store.open(path)

    kwargs: dict = {}
    _seen, stuck, _done = watch(kwargs)
    writer = Writer(db, retry_delays=FAST, opener=opener, **kwargs)
    writer.submit("rating of q1", attempt(1))
    assert stuck.wait(60)
    assert "is full" in (writer.status().error or "") and writer.status().pending == 1
    assert writer.flush(0.01) is False
    writable.set()
    writer.retry_now()
    assert writer.flush(60)
    writer.close()
    with Store.open(db) as store:
        assert store.kata_summary()["k"]["attempts"] == 1


def test_close_names_the_writes_that_could_not_be_saved(tmp_path):
    def opener(path):
        return Store.memory(path, "the disk is full")

    writer = Writer(tmp_path / "coach.db", retry_delays=FAST, opener=opener)
    writer.submit("rating of q1", attempt(1))
    writer.submit("draft of two_sum", attempt(2))
    assert writer.close(timeout=1) == ["rating of q1", "draft of two_sum"]
    with pytest.raises(RuntimeError):
        writer.submit("late", attempt(3))


def test_a_write_that_cannot_succeed_is_reported_and_the_rest_go_on(tmp_path):
    db = tmp_path / "coach.db"
    writer = Writer(db, retry_delays=FAST)

    def broken(store):
        store.conn.execute("INSERT INTO no_such_table VALUES (1)")

    writer.submit("broken", broken)
    writer.submit("attempt 1", attempt(1))
    assert writer.flush(60)
    status = writer.status()
    assert status.saved == 1 and len(status.failed) == 1 and status.failed[0].startswith("broken: ")
    assert not status.all_saved
    assert writer.close() == [status.failed[0]]


def test_drill_with_a_writer_queues_reviews_and_schedules_them_in_the_transaction(tmp_path):
    db = tmp_path / "coach.db"
    clock = FakeClock()
    questions = [question(f"q{i}", order=i) for i in range(5)]
    with Store.open(db) as store:
        writer = Writer(db, retry_delays=FAST)
        drill = Drill(store, questions, clock=clock, writer=writer)
        outcomes = []
        for _ in range(3):
            for q in questions:
                outcomes.append(drill.rate(q, 3))
                clock.advance(60)
        assert writer.close() == []
        rows = {row.card_id: row for row in store.cards()}
        assert store.review_count() == 15
    assert all(row.reps == 3 for row in rows.values())
    assert outcomes[-1].due == rows["q4"].due, "what the UI was told is what was stored"


def test_on_a_full_disk_ratings_wait_in_the_queue_and_land_when_space_is_freed(tmp_path):
    from tests.practice.disks import fill, small_disk

    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to mount a small tmpfs (an injected read-only store is tested above)")
        db = disk / "coach.db"
        Store.open(db).close()
        filler = fill(disk)
        kwargs: dict = {}
        _seen, stuck, _done = watch(kwargs)
        writer = Writer(db, retry_delays=FAST, **kwargs)
        for i in range(3):
            writer.submit(f"rating {i}", attempt(i))
        assert stuck.wait(60)
        status = writer.status()
        assert status.pending == 3 and "is full" in (status.error or "")
        assert not list(disk.glob(".coach-readonly*")) and not list(disk.glob("coach.db.corrupt-*"))
        filler.unlink()
        assert writer.flush(60)
        assert writer.close() == []
        with Store.open(db) as store:
            assert store.kata_summary()["k"]["attempts"] == 3
