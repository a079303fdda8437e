"""Drafts are never lost: atomic writes, a deleted draft rewritten, a failed write keeps the text."""

from __future__ import annotations

import errno
import os

import pytest

from coach.content.library import load_library
from coach.practice import atomic
from coach.practice.drafts import Draft, DraftError, draft_path
from coach.practice.store import Store
from coach.practice.writer import Writer
from tests.practice.disks import fill, remount, small_disk


@pytest.fixture
def kata():
    return load_library(questions=False, user=False).kata("two_sum")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "coach.db") as opened:
        yield opened


def leftovers(folder) -> list:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_load_creates_the_draft_from_the_starter_and_save_replaces_it_whole(store, kata):
    draft = Draft(store, kata)
    assert draft.load() == kata.starter()
    assert draft.path.read_text() == kata.starter()
    draft.save("def two_sum(nums, target):\n    return []\n")
    assert draft.path.read_text() == "def two_sum(nums, target):\n    return []\n"
    assert store.draft("two_sum") == draft.text
    assert leftovers(draft.path.parent) == []
    assert not draft.needs_save(draft.text)


def test_a_deleted_draft_needs_saving_and_is_written_again(store, kata):
    draft = Draft(store, kata)
    text = draft.load()
    draft.path.unlink()
    assert draft.needs_save(text), "the editor's text is no longer on disk"
    draft.save(text)
    assert draft.path.read_text() == text


def test_a_failed_write_raises_one_line_and_keeps_the_old_file(store, kata, monkeypatch):
    draft = Draft(store, kata)
    draft.load()
    draft.save("version one")

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(DraftError) as caught:
        draft.save("version two, typed but not saved")
    message = caught.value.message
    assert "\n" not in message and str(draft.path) in message and "disk is full" in message
    assert draft.error == message
    assert draft.path.read_text() == "version one", "the file keeps the last good text"
    assert draft.text == "version one" and draft.needs_save("version two, typed but not saved")
    assert leftovers(draft.path.parent) == [], "the temporary file is removed"
    monkeypatch.undo()
    draft.save("version two, typed but not saved")  # the retry
    assert draft.path.read_text() == "version two, typed but not saved" and draft.error is None


def test_a_full_disk_keeps_the_old_draft_and_saves_once_space_is_freed(kata, monkeypatch):
    with small_disk("1m") as disk:
        if disk is None:
            pytest.skip("needs root to mount a small tmpfs (the injected ENOSPC test covers the rest)")
        monkeypatch.setenv("COACH_HOME", str(disk))
        with Store.open(disk / "coach.db") as store:
            draft = Draft(store, kata)
            draft.load()
            draft.save("short and saved")
            filler = fill(disk)
            big = "# " + "x" * 200_000 + "\n"
            with pytest.raises(DraftError, match="disk is full"):
                draft.save(big)
            assert draft.path.read_text() == "short and saved"
            assert leftovers(draft.path.parent) == []
            filler.unlink()
            draft.save(big)
            assert draft.path.read_text() == big


def test_a_read_only_drafts_folder_is_a_clear_error(kata, monkeypatch):
    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to remount a filesystem read-only")
        monkeypatch.setenv("COACH_HOME", str(disk))
        store = Store.memory(disk / "coach.db", "read-only")  # no open file: the remount needs none
        draft = Draft(store, kata)
        draft.load()
        remount(disk, "ro")
        try:
            with pytest.raises(DraftError, match="read-only filesystem"):
                draft.save("typed while read-only")
        finally:
            remount(disk, "rw")
        assert draft.needs_save("typed while read-only")
        assert draft.path.read_text() == kata.starter()


def test_a_read_only_store_does_not_stop_the_file_being_saved(tmp_path, kata):
    store = Store.memory(tmp_path / "coach.db", "the disk is full")
    draft = Draft(store, kata)
    draft.load()
    draft.save("saved to the file")
    assert draft_path(kata).read_text() == "saved to the file"
    assert draft.mirror_error and "not saved" in draft.mirror_error


def test_the_store_copy_goes_through_the_writer(store, kata):
    writer = Writer(store.path)
    draft = Draft(store, kata, writer=writer)
    draft.load()
    draft.save("queued copy")
    assert writer.close() == []
    assert store.draft("two_sum") == "queued copy"


def test_a_draft_that_is_not_utf8_opens_readably_and_the_original_bytes_are_kept(store, kata):
    path = draft_path(kata)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not text")
    draft = Draft(store, kata)
    assert draft.load() == "\ufffd\ufffd not text"
    assert draft.notice and "not UTF-8" in draft.notice
    kept = list(path.parent.glob("two_sum.py.not-utf8-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\xff\xfe not text"
    assert kept[0].name in draft.notice
    assert path.read_text(encoding="utf-8") == "\ufffd\ufffd not text", "the draft is text again"


def test_a_draft_that_cannot_be_copied_aside_is_reported_and_left_alone(store, kata, monkeypatch):
    path = draft_path(kata)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not text")

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("shutil.copyfile", no_space)
    with pytest.raises(DraftError, match="not UTF-8"):
        Draft(store, kata).load()
    assert path.read_bytes() == b"\xff\xfe not text"


def test_a_killed_writer_leaves_a_temp_file_the_next_one_clears(tmp_path):
    target = tmp_path / "export.json"
    stale = tmp_path / f".export.json.{2**22 + 12345}.abcd.tmp"  # a pid that is not running
    stale.write_text("half")
    mine = tmp_path / f".export.json.{os.getpid()}.efgh.tmp"
    mine.write_text("in flight")
    assert atomic.remove_stale(target) == [stale]
    assert mine.exists()
