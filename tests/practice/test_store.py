"""Nothing lost, nothing locked: crash, corruption, concurrency, newer schemas."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from coach.errors import CoachError
from coach.practice.store import SCHEMA_VERSION, Store
from tests.conftest import ROOT, run_coach

WRITER = textwrap.dedent("""
    import sys, time
    from coach.practice.store import Store, CardRow
    store = Store.open(__import__("pathlib").Path(sys.argv[1]))
    prefix, count = sys.argv[2], int(sys.argv[3])
    i = 0
    while count < 0 or i < count:
        now = time.time()
        row = CardRow(f"{prefix}-{i}", 2, None, 3.0, 5.0, now + 86400, now, now, 1, 0)
        store.record_review(row, row.card_id, 3, now, 1200, 0.5)
        i += 1
        print(i, flush=True)
    store.close()
""")


def writer(db, prefix: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), prefix, str(count)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_review_loses_at_most_that_review(tmp_path):
    db = tmp_path / "coach.db"
    proc = writer(db, "card", -1)
    committed = 0
    for line in proc.stdout:
        committed = int(line)
        if committed >= 300:
            break
    proc.kill()
    proc.wait()
    # the writer may have run ahead of our reading: its last printed count is the truth
    for line in proc.stdout.read().split():
        committed = int(line)
    with Store.open(db) as store:
        assert store.notice is None, "the file is intact"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reviews = store.review_count()
        cards = len(store.cards())
    # every review it reported is there; at most the one in flight (committed, not yet
    # reported) is extra
    assert committed <= reviews <= committed + 1
    assert cards == reviews, "each review and its card schedule were written together"


def test_two_writers_at_once(tmp_path):
    db = tmp_path / "coach.db"
    Store.open(db).close()
    procs = [writer(db, name, 300) for name in ("alpha", "beta")]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "locked" not in err
    with Store.open(db) as store:
        assert store.review_count() == 600
        assert len(store.cards()) == 600


def test_corrupt_file_is_moved_aside_and_replaced(tmp_path):
    db = tmp_path / "coach.db"
    garbage = b"this is not a database, just some bytes\n" * 100
    db.write_bytes(garbage)
    with Store.open(db) as store:
        assert store.notice and "moved to" in store.notice
        store.record_attempt("two_sum", "pass", 11, 11, 1000.0)
        assert store.kata_summary()["two_sum"]["passes"] == 1
    [backup] = list(tmp_path.glob("coach.db.corrupt-*"))
    assert backup.read_bytes() == garbage, "the damaged file is kept, unchanged, as a backup"


def test_corrupt_file_via_the_cli(coach_home):
    (coach_home / "coach.db").write_bytes(b"\x00garbage" * 512)
    result = run_coach("stats")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("coach: warning: your progress file could not be read")
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(coach_home.glob("coach.db.corrupt-*"))


def test_store_from_a_newer_coach_is_refused_and_untouched(tmp_path, coach_home):
    db = coach_home / "coach.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(CoachError, match="newer coach"):
        Store.open(db)
    result = run_coach("stats")
    assert result.returncode == 2
    assert "written by a newer coach (schema 99" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before
    assert not list(coach_home.glob("coach.db.corrupt-*"))


def test_reopening_keeps_everything(tmp_path):
    db = tmp_path / "coach.db"
    with Store.open(db) as store:
        store.save_draft("two_sum", "def two_sum(): ...")
        store.record_attempt("two_sum", "fail", 3, 11, 5000.0, "abc", at=100.0)
    with Store.open(db) as store:
        assert store.draft("two_sum") == "def two_sum(): ..."
        assert store.kata_summary()["two_sum"] == {"attempts": 1, "passes": 0, "best_ms": None, "last": 100.0}
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_failed_write_leaves_nothing_half_done(tmp_path):
    with Store.open(tmp_path / "coach.db") as store:
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("INSERT INTO drafts VALUES ('k', 't', 1.0)")
            raise RuntimeError("crash between statements")
        assert store.draft("k") is None
