"""Storage faults: only real corruption moves the file; everything else leaves it alone.

Disk full and read-only use a real small tmpfs when the suite runs as root
(CI does), else an injected error. Each test checks nothing already saved is
lost and that the message is one line naming the file and the cause.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from coach.practice import faults
from coach.practice.store import CardRow, Store, StoreError
from tests.conftest import ROOT
from tests.practice.disks import fill, remount, small_disk


def saved_progress(db, n: int = 30) -> None:
    with Store.open(db) as store:
        for i in range(n):
            row = CardRow(f"c{i}", 2, None, 3.0, 5.0, 2e9, 100.0 + i, 100.0 + i, 1, 0)
            store.record_review(row, row.card_id, 3, 100.0 + i)
        store.record_attempt("two_sum", "pass", 11, 11, 1000.0, at=50.0)


def assert_all_there(db, n: int = 30) -> None:
    with Store.open(db) as store:
        assert store.read_only is None
        assert store.review_count() == n
        assert len(store.cards()) == n
        assert store.kata_summary()["two_sum"]["passes"] == 1


def one_line(message: str) -> str:
    assert "\n" not in message and "Traceback" not in message
    return message


def inject(monkeypatch, message: str, code: int) -> None:
    """Make opening for writing fail as SQLite does, for runs that cannot mount a filesystem."""
    def failing(cls, path, busy):
        exc = sqlite3.OperationalError(message)
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        raise exc
    monkeypatch.setattr(Store, "_open", classmethod(failing))


def test_full_disk_opens_read_only_and_keeps_the_file(tmp_path, monkeypatch):
    with small_disk() as disk:
        folder = disk or tmp_path
        db = folder / "coach.db"
        saved_progress(db)
        before = db.stat().st_size
        filler = fill(disk) if disk else None
        if disk is None:
            with monkeypatch.context() as patch:
                inject(patch, "database or disk is full", 13)
                store = Store.open(db)
        else:
            store = Store.open(db)
        with store:
            assert store.read_only is not None
            assert "is full" in one_line(store.read_only) and str(db) in store.read_only
            assert store.notice is None
            assert store.review_count() == 30, "everything saved can still be read"
            with pytest.raises(StoreError) as caught:
                store.record_attempt("two_sum", "fail", 1, 11)
            assert "not saved" in one_line(caught.value.message)
        assert db.is_file() and db.stat().st_size >= before
        assert not list(folder.glob("coach.db.corrupt-*")), "a full disk is not corruption"
        if filler is not None:
            filler.unlink()
        assert_all_there(db)


def test_write_on_a_disk_that_fills_up_is_refused_whole(tmp_path):
    with small_disk("2m") as disk:
        if disk is None:
            pytest.skip("needs root to mount a small tmpfs")
        db = disk / "coach.db"
        saved_progress(db)
        with Store.open(db) as store:
            filler = fill(disk)
            big = "x" * 3_000_000
            with pytest.raises(StoreError) as caught:
                store.save_draft("two_sum", big)
            assert caught.value.kind == faults.FULL and caught.value.transient
            assert "is full" in one_line(caught.value.message)
            assert store.draft("two_sum") is None, "nothing of the failed write stays"
            filler.unlink()
            store.save_draft("two_sum", "def two_sum(): ...")  # the same store works once space is back
        assert_all_there(db)


def test_read_only_filesystem_opens_read_only(tmp_path):
    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to remount a filesystem read-only")
        db = disk / "coach.db"
        saved_progress(db)
        remount(disk, "ro")
        try:
            with Store.open(db) as store:
                assert "read-only filesystem" in one_line(store.read_only or "")
                assert store.review_count() == 30
                with pytest.raises(StoreError, match="not saved"):
                    store.record_attempt("two_sum", "fail", 1, 11)
        finally:
            remount(disk, "rw")
        assert not list(disk.glob("coach.db.corrupt-*"))
        assert_all_there(db)


def test_read_only_file_opens_read_only(tmp_path, monkeypatch):
    db = tmp_path / "coach.db"
    saved_progress(db)
    inject(monkeypatch, "attempt to write a readonly database", 8)
    with Store.open(db) as store:
        assert "read-only" in one_line(store.read_only or "")
        assert store.review_count() == 30


def test_nothing_to_read_and_nothing_writable_is_an_empty_read_only_store(tmp_path, monkeypatch):
    inject(monkeypatch, "unable to open database file", 14)
    monkeypatch.setattr(faults, "_writable", lambda path: False)
    with Store.open(tmp_path / "coach.db") as store:
        assert store.read_only and "nothing can be saved" in store.read_only
        assert store.review_count() == 0


HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "exclusive":
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT INTO drafts VALUES ('held', 'x', 1.0)")
        conn.execute("COMMIT")  # in exclusive locking mode the lock stays after the commit
    else:
        conn.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    sys.stdin.readline()
""")


def hold_lock(db, mode: str) -> subprocess.Popen:
    """Another process holding the database: 'exclusive' (no readers) or 'write' (no writers)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def release(proc: subprocess.Popen) -> None:
    proc.communicate("\n", timeout=30)


def test_lock_held_past_the_wait_at_open_is_reported_not_replaced(tmp_path):
    db = tmp_path / "coach.db"
    saved_progress(db)
    holder = hold_lock(db, "exclusive")
    notices: list[str] = []
    try:
        with pytest.raises(StoreError) as caught:
            Store.open(db, wait=1.5, on_wait=notices.append)
    finally:
        release(holder)
    assert caught.value.kind == faults.LOCKED
    assert "locked by another program" in one_line(caught.value.message) and str(db) in caught.value.message
    assert notices and "waiting for" in notices[0], "the wait is visible"
    assert not list(tmp_path.glob("coach.db.corrupt-*")), "a lock is not corruption"
    assert_all_there(db)


def test_write_blocked_past_the_busy_timeout_is_transient_and_leaves_nothing(tmp_path):
    db = tmp_path / "coach.db"
    saved_progress(db)
    with Store.open(db) as store:
        store.conn.execute("PRAGMA busy_timeout = 100")
        holder = hold_lock(db, "write")
        try:
            with pytest.raises(StoreError) as caught:
                store.record_attempt("two_sum", "fail", 1, 11, at=60.0)
        finally:
            release(holder)
        assert caught.value.kind == faults.LOCKED and caught.value.transient
        store.record_attempt("two_sum", "fail", 1, 11, at=60.0)  # the same write, once the lock is gone
        assert store.kata_summary()["two_sum"]["attempts"] == 2


def test_a_failed_integrity_check_is_corruption_and_the_file_is_kept(tmp_path):
    db = tmp_path / "coach.db"
    saved_progress(db, 400)
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page)):  # scribble over a few b-tree pages
        data[offset] = 0x5A
    db.write_bytes(bytes(data))
    for side in ("coach.db-wal", "coach.db-shm"):
        (tmp_path / side).unlink(missing_ok=True)
    with Store.open(db) as store:
        assert store.notice and "moved to" in store.notice
        assert store.read_only is None and store.review_count() == 0
    [backup] = tmp_path.glob("coach.db.corrupt-*")
    assert backup.read_bytes() == bytes(data)


def test_a_folder_where_the_file_should_be_is_one_line(tmp_path):
    (tmp_path / "coach.db").mkdir()
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "coach.db")
    assert "is not a file" in one_line(caught.value.message)


RATER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from coach.practice.scheduler import Drill
    from coach.practice.store import Store
    from tests.practice.helpers import question
    questions = [question(f"q{i}", order=i) for i in range(int(sys.argv[2]))]
    store = Store.open(Path(sys.argv[1]))
    for rnd in range(int(sys.argv[3])):
        drill = Drill(store, questions, cram=False, new_per_day=10_000)
        for q in questions:
            drill.rate(q, 1 + (rnd + int(sys.argv[4])) % 4)
    store.close()
""")


def test_two_sessions_rating_the_same_cards_never_overwrite_each_other(tmp_path):
    db = tmp_path / "coach.db"
    Store.open(db).close()
    cards, rounds = 20, 4
    procs = [subprocess.Popen([sys.executable, "-c", RATER, str(db), str(cards), str(rounds), str(seed)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for seed in (0, 1)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store.open(db) as store:
        counts = dict(store.conn.execute("SELECT card_id, COUNT(*) FROM reviews WHERE cram = 0 GROUP BY card_id"))
        rows = {row.card_id: row for row in store.cards()}
    assert sum(counts.values()) == 2 * cards * rounds
    lost = [card for card, n in counts.items() if rows[card].reps != n]
    assert not lost, f"schedules that missed another session's review: {lost}"
