"""A real, non-editable install finds its bundled content from any folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and install it (without dependencies) into a fresh venv.

    The venv borrows this environment's dependencies through a .pth file, so
    the test needs no network.
    """
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    [wheel] = dist.glob("interview_coach-*.whl")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    # Only now: had pip seen this environment's packages, it would have found
    # interview-coach already installed and skipped the wheel.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "outer-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def run_installed(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(env_dir / "bin" / "coach"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_wheel_ships_content_and_runs_from_another_folder(installed, tmp_path):
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    result = run_installed(installed, "list", "katas", "--json", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    ids = {item["id"] for item in json.loads(result.stdout)}
    assert {"two_sum", "rate_limiter", "throttle"} <= ids
    located = subprocess.run([str(installed / "bin" / "python"), "-c",
                              "import coach.paths as p; print(p.bundled_katas_dir())"],
                             cwd=elsewhere, capture_output=True, text=True, check=True).stdout
    assert str(installed) in located, "the installed copy, not the source tree, serves the content"


def test_installed_validate_and_check(installed, tmp_path):
    result = run_installed(installed, "validate", "--no-grade", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    solution = tmp_path / "mine.py"
    solution.write_text((ROOT / "katas" / "two_sum" / "solution.py").read_text())
    result = run_installed(installed, "check", "two_sum", str(solution), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("11 passed")
