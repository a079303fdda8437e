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
