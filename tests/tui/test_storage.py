"""The TUI and a progress file that misbehaves: locked at start, read-only, unreadable drafts."""

from __future__ import annotations

import sqlite3

import pytest

from coach.practice.store import Store
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.rapid import RapidScreen
from coach.tui.screens.workbench import WorkbenchScreen
from tests.practice.disks import remount, small_disk
from tests.practice.test_store_faults import hold_lock, release, saved_progress
from tests.tui.helpers import make, wait_for

SIZE = (100, 30)


def toasts(app) -> str:
    return "\n".join(f"{note.title}: {note.message}" for note in app._notifications)


def review_count(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]


async def test_a_locked_progress_file_is_waited_for_with_a_notice_and_the_ui_keeps_answering(tmp_path):
    db = tmp_path / "coach.db"
    saved_progress(db)
    holder = hold_lock(db, "exclusive")
    try:
        app = make(store_path=db)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "Waiting for your progress file" in toasts(app) and str(db) in toasts(app)
            await pilot.press("r")  # asked for while the file is locked: it opens once free
            await pilot.press("question_mark")  # the UI still answers keys meanwhile
            assert app.screen.__class__.__name__ == "HelpScreen"
            await pilot.press("escape")
            assert isinstance(app.screen, HomeScreen)
            release(holder)
            holder = None
            await wait_for(pilot, lambda: isinstance(app.screen, RapidScreen), what="rapid fire once the file is free")
            await pilot.pause()  # let the new screen finish mounting before the app closes
            assert app.store.read_only is None, "progress is saved once the lock is gone"
            assert not list(tmp_path.glob("coach.db.corrupt-*"))
    finally:
        if holder is not None:
            release(holder)


async def test_rating_in_a_read_only_data_folder_shows_a_notice_and_keeps_going():
    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to remount a filesystem read-only")
        db = disk / "coach.db"
        Store.open(db).close()
        remount(disk, "ro")
        try:
            app = make(mode="rapid", store_path=db)
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await pilot.pause()
                assert "Progress is not being saved" in toasts(app) and "read-only" in toasts(app)
                await pilot.press("space", "3")
                await pilot.pause()
                assert isinstance(app.screen, RapidScreen), "no crash: the drill goes on"
                assert app.return_code in (None, 0)
        finally:
            remount(disk, "rw")
        assert review_count(db) == 0


async def test_a_draft_that_is_not_utf8_opens_with_a_notice_and_is_kept(tmp_path):
    kata = next(k for k in make().library.katas if k.slug == "two_sum")
    app = make(mode="kata", kata=kata, store_path=tmp_path / "coach.db")
    from coach.practice.drafts import draft_path

    path = draft_path(kata)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"def two_sum(nums, target):\n    return 'caf\xe9'\n")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        assert "not UTF-8" in toasts(app) or "not valid UTF-8" in toasts(app)
        assert "def two_sum" in app.screen.editor.text
    kept = list(path.parent.glob(path.name + "*"))
    assert any(p.read_bytes().endswith(b"'caf\xe9'\n") for p in kept), "the original bytes are kept"


async def test_a_draft_that_cannot_be_opened_is_never_written_over(tmp_path, monkeypatch):
    kata = next(k for k in make().library.katas if k.slug == "two_sum")
    from coach.practice.drafts import draft_path

    path = draft_path(kata)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe not text")

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("shutil.copyfile", no_space)
    app = make(mode="kata", kata=kata, store_path=tmp_path / "coach.db")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, WorkbenchScreen)
        assert "Cannot open the draft" in toasts(app) and "the disk is full" in toasts(app)
    assert path.read_bytes() == b"\xff\xfe not text"


async def test_waiting_for_queued_writes_never_waits_on_the_ui(tmp_path):
    """The writer tells the UI about each save without waiting for it: the UI thread may be
    the one waiting for the queue (home and stats read after ``app.saved()``)."""
    app = make(store_path=tmp_path / "coach.db")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        writer = app.writer
        for n in range(5):
            writer.submit(f"draft {n}", lambda store, n=n: store.save_draft(f"kata{n}", "text", float(n)))
        assert app.saved(timeout=20), "every queued write saved while the UI thread waited"
        assert app.store.draft("kata4") == "text"
