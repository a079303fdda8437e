"""Mutants: plausible wrong solutions each kata keeps, which its suite must reject."""

from __future__ import annotations

from coach.commands.selfcheck import check_kata
from coach.content.library import load_folder
from tests.conftest import run_coach
from tests.content.test_validation import kata

WRONG = "# Wrong: subtracts instead of adding\ndef add(a, b):\n    return a - b\n"
SURVIVOR = "# Wrong: claims to be wrong, but is the reference solution\ndef add(a, b):\n    return b + a\n"


def test_a_surviving_mutant_is_reported_with_its_path(tmp_path):
    folder = kata(tmp_path, **{"mutants/subtracts.py": WRONG, "mutants/survivor.py": SURVIVOR})
    [loaded] = load_folder(tmp_path).katas
    assert [p.name for p in loaded.mutant_paths] == ["subtracts.py", "survivor.py"]
    check = check_kata(loaded)
    assert check.killed == 1
    assert check.problems == [
        f"mutant survives: {folder / 'mutants' / 'survivor.py'} passes the suite; add a test that rejects it"
    ]

    result = run_coach("validate", str(folder))
    assert result.returncode == 1
    assert "1/2 mutants" in result.stdout
    assert f"mutant survives: {folder / 'mutants' / 'survivor.py'}" in result.stdout


def test_killed_mutants_pass_validation(tmp_path):
    folder = kata(tmp_path, **{"mutants/subtracts.py": WRONG})
    result = run_coach("validate", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1/1 mutants" in result.stdout and "1 of 1 mutants fail" in result.stdout


def test_a_mutant_must_say_what_is_wrong_and_define_the_entry(tmp_path):
    folder = kata(tmp_path, **{
        "mutants/silent.py": "def add(a, b):\n    return a - b\n",
        "mutants/renamed.py": "# Wrong: a different name\ndef plus(a, b):\n    return a + b\n",
        "mutants/broken.py": "# Wrong: does not parse\ndef add(a, b)\n",
    })
    problems = sorted(str(p) for p in load_folder(tmp_path).problems)
    mutants = folder / "mutants"
    assert problems[0].startswith(f"{mutants / 'broken.py'}:2: SyntaxError")
    assert problems[1] == (f"{mutants / 'renamed.py'}:1: does not define add, so it would fail "
                           "for the wrong reason")
    assert problems[2].startswith(f"{mutants / 'silent.py'}:1: a mutant starts with a one-line comment")
    assert len(problems) == 3
