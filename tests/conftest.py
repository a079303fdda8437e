"""Shared fixtures: every test gets its own COACH_HOME, never the developer's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Kata folders used as fixtures hold suites for coach to grade, not for us to collect.
collect_ignore_glob = ["grading/fixtures/*"]

# The developer's own data folder is never read or written. Before anything is
# imported or collected, COACH_HOME points at a folder of the session's own (for
# module- and session-scoped setup); each test then gets a fresh one. At the end,
# the folder the developer had (COACH_HOME or platformdirs') must be as it was.
_DEVELOPER_HOME: Path | None = None
_DEVELOPER_LISTING: dict[str, float] | None = None


def _listing(folder: Path) -> dict[str, float]:
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.lstat().st_mtime for p in folder.rglob("*")}


def pytest_configure(config: pytest.Config) -> None:
    global _DEVELOPER_HOME, _DEVELOPER_LISTING
    import tempfile

    from coach.paths import data_dir

    if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("COACH_DEVELOPER_HOME"):
        # A worker of pytest-xdist: it inherits the session's COACH_HOME; the controller,
        # which saw the developer's folder before anything ran, checks it at the end.
        _DEVELOPER_HOME = Path(os.environ["COACH_DEVELOPER_HOME"])
    else:
        _DEVELOPER_HOME = data_dir()
        _DEVELOPER_LISTING = _listing(_DEVELOPER_HOME)
        os.environ["COACH_DEVELOPER_HOME"] = str(_DEVELOPER_HOME)
    os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-session-home-")
    os.environ.pop("COACH_DEBUG", None)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _DEVELOPER_HOME is None or _DEVELOPER_LISTING is None:
        return
    after = _listing(_DEVELOPER_HOME)
    if after != _DEVELOPER_LISTING:
        changed = sorted(set(after.items()) ^ set(_DEVELOPER_LISTING.items()))
        print(f"\nThe suite touched the developer's data folder {_DEVELOPER_HOME}: {changed[:5]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def developer_home() -> Path | None:
    """The data folder the developer had before the session (for the isolation test)."""
    return _DEVELOPER_HOME


@pytest.fixture(autouse=True)
def coach_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("coach-home")
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.delenv("COACH_DEBUG", raising=False)
    return home


def run_coach(*args: str, cwd: Path | None = None, env: dict | None = None,
              timeout: float = 120, input: str | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m coach ARGS`` in a subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], cwd=cwd or ROOT, env=full_env,
        capture_output=True, text=True, timeout=timeout, input=input,
    )
