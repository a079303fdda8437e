"""The data folder from the command line: checked at start, named in help and stats, never lost.

Full disk and read-only use a real small tmpfs when the suite runs as root
(CI does); otherwise those tests skip, and tests/practice covers the same
paths with injected errors.
"""

from __future__ import annotations

import json
import os
import signal
import stat

import pytest

from coach import paths
from coach.cli import main
from coach.practice import atomic
from coach.practice.store import CardRow, Store
from tests.cli.test_cli import one_line_error
from tests.conftest import run_coach
from tests.practice.disks import fill, remount, small_disk


def some_progress(home, n: int = 12) -> None:
    with Store.open(home / "coach.db") as store:
        for i in range(n):
            row = CardRow(f"py-{i}", 2, None, 3.0, 5.0, 2e9, 100.0 + i, 100.0 + i, 1, 0)
            store.record_review(row, row.card_id, 3, 100.0 + i)


def review_count(home) -> int:
    with Store.open(home / "coach.db") as store:
        assert store.read_only is None
        return store.review_count()


@pytest.mark.parametrize("command", [["stats"], ["list", "katas"], ["export", "-"], ["import", "x.json"]])
def test_coach_home_that_is_a_file_is_one_line_and_exit_2(tmp_path, command):
    home = tmp_path / "not-a-folder"
    home.write_text("hello")
    result = run_coach(*command, env={"COACH_HOME": str(home)})
    assert result.returncode == 2
    line = one_line_error(result)
    assert str(home) in line and "is not a folder" in line and "internal error" not in line
    assert home.read_text() == "hello"


def test_coach_home_that_cannot_be_read_is_one_line_and_exit_2(coach_home, monkeypatch, capsys):
    monkeypatch.setattr(paths.os, "access", lambda path, mode: not mode & os.R_OK)
    assert main(["stats"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"coach: cannot read COACH_HOME={coach_home}: permission denied"


def test_import_into_a_folder_that_cannot_be_written_is_refused(coach_home, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths.os, "access", lambda path, mode: not mode & os.W_OK)
    assert main(["import", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (f"coach: cannot write to COACH_HOME={coach_home}: "
                                               "permission denied")


def test_help_and_stats_say_where_the_data_lives(coach_home):
    help_text = run_coach("--help").stdout
    assert str(coach_home) in help_text.replace("\n", "") and "COACH_HOME" in help_text
    result = run_coach("stats")
    assert result.returncode == 0, result.stderr
    assert f"Progress is kept in {coach_home}" in result.stdout
    assert json.loads(run_coach("stats", "--json").stdout)["data_folder"] == str(coach_home)


def test_full_disk_stats_says_so_keeps_the_file_and_import_is_refused(tmp_path):
    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to mount a small tmpfs")
        some_progress(disk)
        progress = tmp_path / "progress.json"
        progress.write_text(run_coach("export", "-", env={"COACH_HOME": str(disk)}).stdout)
        filler = fill(disk)
        env = {"COACH_HOME": str(disk)}
        result = run_coach("stats", env=env)
        assert result.returncode == 0
        line = one_line_error(result)
        assert line.startswith("coach: warning: progress is not being saved: the disk holding")
        assert "is full" in line
        assert "Traceback" not in result.stdout
        result = run_coach("import", str(progress), env=env)
        assert result.returncode == 2
        assert "is full" in one_line_error(result)
        assert (disk / "coach.db").is_file() and not list(disk.glob("coach.db.corrupt-*"))
        filler.unlink()
        assert review_count(disk) == 12, "after space is freed all progress is there"
        assert run_coach("stats", env=env).stderr == ""


def test_full_disk_while_another_coach_holds_the_file_open_is_still_said(tmp_path):
    """With another coach open, SQLite can reuse its write-ahead log and open fine on a full disk:
    the user is still told, before ratings start failing."""
    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to mount a small tmpfs")
        some_progress(disk)
        with Store.open(disk / "coach.db") as other:
            other.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()
            filler = fill(disk)
            result = run_coach("stats", env={"COACH_HOME": str(disk)})
        assert result.returncode == 0
        assert "is full" in one_line_error(result) and str(disk) in one_line_error(result)
        filler.unlink()
        assert review_count(disk) == 12


def test_read_only_data_folder_stats_works_and_import_is_refused(tmp_path):
    with small_disk() as disk:
        if disk is None:
            pytest.skip("needs root to remount a filesystem read-only")
        some_progress(disk)
        remount(disk, "ro")
        try:
            env = {"COACH_HOME": str(disk)}
            result = run_coach("stats", env=env)
            assert result.returncode == 0
            assert "read-only filesystem" in one_line_error(result)
            result = run_coach("import", str(tmp_path), env=env)
            assert result.returncode == 2
            assert one_line_error(result) == (f"coach: cannot write to COACH_HOME={disk}: "
                                              "it is on a read-only filesystem")
        finally:
            remount(disk, "rw")
        assert review_count(disk) == 12


# -- exports ---------------------------------------------------------------------


def test_export_refuses_a_symlink_unless_forced(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("do not overwrite")
    link = tmp_path / "out.json"
    link.symlink_to(precious)
    result = run_coach("export", str(link))
    assert result.returncode == 2
    assert "is a symbolic link" in one_line_error(result) and "--force" in result.stderr
    assert precious.read_text() == "do not overwrite" and link.is_symlink()
    result = run_coach("export", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert not link.is_symlink() and json.loads(link.read_text())["format"] == "coach-progress"
    assert precious.read_text() == "do not overwrite", "the link was replaced, not written through"


def test_export_refuses_a_device_or_pipe_and_a_folder(tmp_path):
    special = tmp_path / "special"
    if os.geteuid() == 0:
        os.mknod(special, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a /dev/null of our own
    else:
        os.mkfifo(special)
    result = run_coach("export", str(special))
    assert result.returncode == 2
    assert "is not a regular file" in one_line_error(result)
    assert not stat.S_ISREG(special.lstat().st_mode)
    result = run_coach("export", str(tmp_path), "--force")
    assert result.returncode == 2
    assert "is a folder" in one_line_error(result)


def test_export_interrupted_by_sigterm_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch, capsys):
    target = tmp_path / "progress.json"
    target.write_text("the previous export")

    def terminated(fd):
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(atomic.os, "fsync", terminated)
    assert main(["export", str(target)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert target.read_text() == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, "the handler is put back"


def test_export_clears_temp_files_left_by_a_killed_export(tmp_path):
    stale = tmp_path / f".progress.json.{2**22 + 4321}.x1y2.tmp"
    stale.write_text("{half")
    result = run_coach("export", str(tmp_path / "progress.json"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]


@pytest.mark.parametrize(("error", "expected"), [
    (OSError(28, "No space left on device", "/data/cache.pickle"),
     "coach: /data/cache.pickle: No space left on device"),
    (PermissionError(13, "Permission denied", "/data/katas"), "coach: /data/katas: Permission denied"),
])
def test_fixable_os_errors_are_not_internal_errors(monkeypatch, capsys, error, expected):
    from coach.commands import listing

    def fail(args):
        raise error

    monkeypatch.setattr(listing, "run_list", fail)
    assert main(["list", "katas"]) == 2
    assert capsys.readouterr().err.strip() == expected


def test_a_database_error_met_while_reading_is_one_clear_line(monkeypatch, capsys, coach_home):
    import sqlite3

    from coach.commands import listing

    def locked(args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(listing, "run_list", locked)
    assert main(["list", "katas"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"coach: {coach_home / 'coach.db'} is locked by another program")
    assert "internal error" not in err
