"""The suite keeps to its own data: never the developer's COACH_HOME or platformdirs folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coach.paths import data_dir
from tests.conftest import ROOT, developer_home


def test_each_test_has_its_own_data_folder(coach_home):
    assert data_dir() == coach_home
    assert developer_home() is not None and data_dir() != developer_home()


def test_a_session_pointed_at_a_sentinel_leaves_it_empty(tmp_path):
    """Run a slice of the suite that opens the TUI, grades and loads content with
    COACH_HOME set to a sentinel: the sentinel stays empty."""
    sentinel = tmp_path / "sentinel"
    sentinel.mkdir()
    env = {name: value for name, value in os.environ.items()  # a fresh session, not an xdist worker
           if not name.startswith(("PYTEST_XDIST", "PYTEST_CURRENT")) and name != "COACH_DEVELOPER_HOME"}
    env["COACH_HOME"] = str(sentinel)
    tests = ["tests/tui/test_flows.py::test_home_shows_counts_and_modes",
             "tests/tui/test_flows.py::test_drafts_are_saved_on_leaving_and_come_back",
             "tests/content/test_cache.py"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n0", "-p", "no:cacheprovider", *tests],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    assert list(Path(sentinel).iterdir()) == []
