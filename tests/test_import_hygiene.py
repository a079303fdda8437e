"""The domain never imports Textual, and neither do the CLI's quick commands."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROBE = """
import sys
{body}
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("LEAKED" if leaked else "CLEAN", leaked[:3])
"""


def probe(body: str) -> str:
    result = subprocess.run([sys.executable, "-c", PROBE.format(body=body)], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("package", ["coach.content", "coach.grading", "coach.practice"])
def test_domain_packages_never_import_textual(package):
    body = (f"import pkgutil, importlib, {package}\n"
            f"for m in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
            f"    importlib.import_module(m.name)")
    assert probe(body).startswith("CLEAN")


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--version"], ["list", "katas"], ["list", "questions", "--json"], ["validate", "--no-grade"],
     ["kata", "nope"], ["optimize"], ["rapid", "--unsuspend"]],
)
def test_quick_commands_never_import_textual(argv):
    body = ("from coach.cli import main\n"
            "try:\n"
            f"    main({argv!r})\n"
            "except SystemExit:\n"
            "    pass")
    assert probe(body).startswith("CLEAN")


def test_importtime_of_help_shows_no_textual():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "coach", "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    assert imported, "importtime printed nothing"
    assert not [name for name in imported if name.split(".")[0] == "textual"]
