"""``coach import`` of Exercism folders when exercises are hostile or the import is interrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT, run_coach
from tests.content.test_hostile_content import exercise


def katas_dir(home):
    return home / "katas"


def leftovers(home) -> list[str]:
    return sorted(p.name for p in katas_dir(home).iterdir() if p.name.startswith(".") and p.name != ".import.lock")


def test_a_symlink_loop_skips_that_exercise_only(tmp_path, coach_home):
    practice = tmp_path / "track" / "exercises" / "practice"
    exercise(practice, "alpha")
    looped = exercise(practice, "looped")
    (looped / "loop").symlink_to(looped / "loop")
    (looped / "up").symlink_to(looped.parent)
    exercise(practice, "omega")
    result = run_coach("import", str(tmp_path / "track"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and skipped[0].startswith("skipped looped: ") and "symbolic link" in skipped[0]
    assert "2 new, 0 updated, 1 skipped" in result.stdout
    assert sorted(p.name for p in katas_dir(coach_home).iterdir() if not p.name.startswith(".")) == \
        ["alpha", "omega"]
    assert leftovers(coach_home) == []


def test_a_config_pointing_outside_is_skipped_and_nothing_outside_is_touched(tmp_path, coach_home):
    practice = tmp_path / "track" / "exercises" / "practice"
    secret = tmp_path / "secret.py"
    secret.write_text("SECRET = 1\n")
    bad = exercise(practice, "escape")
    config = json.loads((bad / ".meta" / "config.json").read_text())
    config["files"]["test"] = ["../../../../secret.py"]
    (bad / ".meta" / "config.json").write_text(json.dumps(config))
    result = run_coach("import", str(tmp_path / "track"))
    assert result.returncode == 1  # nothing imported
    assert "skipped escape: " in result.stdout and "leads outside the exercise folder" in result.stdout
    assert secret.read_text() == "SECRET = 1\n"
    assert not (katas_dir(coach_home) / "escape").exists()


def test_two_imports_at_once_both_finish_and_nothing_is_dropped(tmp_path, coach_home):
    practice = tmp_path / "track" / "exercises" / "practice"
    names = [f"ex{i:02d}" for i in range(8)]
    for name in names:
        exercise(practice, name)
    cmd = [sys.executable, "-m", "coach", "import", str(tmp_path / "track")]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "imported 8 exercises" in out
    assert sorted(p.name for p in katas_dir(coach_home).iterdir() if not p.name.startswith(".")) == names
    assert leftovers(coach_home) == []


def test_kill_9_during_an_import_loses_nothing_the_next_import_cannot_finish(tmp_path, coach_home):
    practice = tmp_path / "track" / "exercises" / "practice"
    names = [f"big{i:02d}" for i in range(12)]
    for name in names:  # big data files widen the window for the kill to land mid-copy
        exercise(practice, name, extra={"data.txt": "word " * 400_000})
    assert run_coach("import", str(tmp_path / "track")).returncode == 0  # an older copy of each
    proc = subprocess.Popen([sys.executable, "-m", "coach", "import", str(tmp_path / "track")], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = katas_dir(coach_home)
    while proc.poll() is None and not leftovers(coach_home):
        time.sleep(0.005)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    present = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
    # .replaced-<slug>-<pid>: the old copy, renamed aside; it may outlive the new copy's arrival when the
    # kill lands while it is being deleted
    aside = {p.removeprefix(".replaced-").rsplit("-", 1)[0] for p in leftovers(coach_home) if p.startswith(".replaced-")}
    assert set(present) | aside == set(names), "every kata is in place or kept aside"
    result = run_coach("import", str(tmp_path / "track"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == names
    assert leftovers(coach_home) == [], "the staging folders of the killed import are gone"
    listed = run_coach("list", "katas", "--json")
    assert {k["id"] for k in json.loads(listed.stdout)} >= set(names)
