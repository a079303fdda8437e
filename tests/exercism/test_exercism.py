"""Exercism practice exercises as katas: checking, subTests, data files, importing.

The exercises here are written by the tests themselves; coach bundles no
Exercism content.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from coach.content.library import load_library, resolve_kata
from coach.grading.grader import Grader
from tests.conftest import run_coach


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip())


def exercise(root: Path, name: str, *, stub: str, example: str, tests: str, module: str | None = None,
             extra: dict[str, str] | None = None, hints: str | None = None) -> Path:
    folder = root / name
    module = module or name.replace("-", "_")
    config = {"authors": ["coach-tests"], "files": {"solution": [f"{module}.py"], "test": [f"{module}_test.py"],
                                                     "example": [".meta/example.py"]},
              "blurb": f"The {name} exercise."}
    write(folder / ".meta" / "config.json", json.dumps(config))
    write(folder / ".docs" / "instructions.md", f"# {name.replace('-', ' ').title()}\n\nDo the thing.\n")
    write(folder / f"{module}.py", stub)
    write(folder / ".meta" / "example.py", example)
    write(folder / f"{module}_test.py", tests)
    for file, text in (extra or {}).items():
        write(folder / file, text)
    if hints:
        write(folder / ".docs" / "hints.md", hints)
    return folder


LEAP_TESTS = """
    import unittest

    from leap import (
        leap_year,
    )


    class LeapTest(unittest.TestCase):
        def test_year_not_divisible_by_4(self):
            self.assertIs(leap_year(2015), False)

        def test_year_divisible_by_4(self):
            self.assertIs(leap_year(1996), True)

        def test_century_is_not_leap(self):
            self.assertIs(leap_year(1900), False)

        def test_every_fourth_century_is_leap(self):
            self.assertIs(leap_year(2000), True)
"""


@pytest.fixture
def leap(tmp_path):
    return exercise(
        tmp_path, "leap",
        stub="def leap_year(year):\n    pass\n",
        example="def leap_year(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)\n",
        tests=LEAP_TESTS,
        hints="# Hints\n\n## General\n\n- Think about divisibility.\n\n## Centuries\n\n- 1900 was not a leap year.\n",
    )


def test_check_passes_the_example_and_fails_the_stub(leap):
    good = run_coach("check", str(leap), str(leap / ".meta" / "example.py"))
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.strip().endswith("4 passed")
    bad = run_coach("check", str(leap), str(leap / "leap.py"))
    assert bad.returncode == 1
    assert bad.stdout.strip().endswith("4 failed")


def test_results_come_in_test_file_order(leap):
    result = run_coach("check", str(leap), str(leap / ".meta" / "example.py"), "--json")
    names = [t["name"] for t in json.loads(result.stdout)["tests"]]
    assert names == ["Leap > year not divisible by 4", "Leap > year divisible by 4",
                     "Leap > century is not leap", "Leap > every fourth century is leap"]


def test_exercise_reads_as_a_kata(leap):
    kata = resolve_kata(str(leap))
    assert (kata.module, kata.test_file, kata.starter_file) == ("leap", "leap_test.py", "leap.py")
    assert kata.solution_file == ".meta/example.py"
    assert kata.readme().startswith("# Leap")
    assert [h.splitlines()[0] for h in kata.hints] == ["**General**", "**Centuries**"]


def test_subtests_are_reported_per_variation(tmp_path):
    folder = exercise(
        tmp_path, "squares",
        stub="def square(n):\n    raise NotImplementedError\n",
        example="def square(n):\n    return n * n\n",
        tests="""
            import unittest
            from squares import square


            class SquaresTest(unittest.TestCase):
                def test_small_numbers(self):
                    for n, expected in [(1, 1), (2, 4), (3, 9)]:
                        with self.subTest(n=n):
                            self.assertEqual(square(n), expected)

                def test_zero(self):
                    self.assertEqual(square(0), 0)
        """,
    )
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def square(n):\n    return n * n if n < 3 else n + n\n")
    with Grader(keep_warm=False) as grader:
        result = grader.grade(resolve_kata(str(folder)), wrong)
    statuses = {t.name: t.status for t in result.tests}
    assert statuses == {
        "SquaresTest::test_small_numbers": "fail",
        "SquaresTest::test_small_numbers[n=1]": "pass",
        "SquaresTest::test_small_numbers[n=2]": "pass",
        "SquaresTest::test_small_numbers[n=3]": "fail",
        "SquaresTest::test_zero": "pass",
    }
    assert result.status == "fail"
    failed = next(t for t in result.tests if t.status == "fail")
    assert "6 != 9" in failed.message
    good = run_coach("check", str(folder), str(folder / ".meta" / "example.py"))
    assert good.returncode == 0 and good.stdout.rstrip().endswith("5 passed")


def test_a_solution_reads_a_data_file_beside_it(tmp_path):
    folder = exercise(
        tmp_path, "word-count",
        module="word_count",
        stub="def count():\n    return -1\n",
        example=("from pathlib import Path\n\n"
                 "def count():\n    text = (Path(__file__).parent / 'words.txt').read_text()\n"
                 "    return len(text.split())\n"),
        tests="from word_count import count\n\n\ndef test_counts_the_words_in_the_file():\n    assert count() == 3\n",
        extra={"words.txt": "alpha beta gamma\n"},
    )
    good = run_coach("check", str(folder), str(folder / ".meta" / "example.py"))
    assert good.returncode == 0, good.stdout + good.stderr
    assert run_coach("check", str(folder), str(folder / "word_count.py")).returncode == 1


def test_malformed_config_is_a_clear_error(tmp_path, leap):
    (leap / ".meta" / "config.json").write_text("{ not json")
    result = run_coach("check", str(leap), str(leap / ".meta" / "example.py"))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_import_a_track_folder(tmp_path, coach_home):
    track = tmp_path / "python-track"
    practice = track / "exercises" / "practice"
    exercise(practice, "leap", stub="def leap_year(year):\n    pass\n",
             example="def leap_year(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)\n",
             tests=LEAP_TESTS)
    broken = exercise(practice, "broken-one", stub="x = 1\n", example="x = 1\n",
                      tests="def test_x():\n    pass\n")
    (broken / ".meta" / "config.json").write_text("{ nope")
    write(track / "config.json", json.dumps({"exercises": {"practice": [
        {"slug": "leap", "name": "Leap", "difficulty": 1, "practices": ["booleans", "conditionals"]}]}}))
    result = run_coach("import", str(track))
    assert result.returncode == 0, result.stderr
    assert "skipped broken-one:" in result.stdout
    assert "imported 1 exercise" in result.stdout and "1 new, 0 updated, 1 skipped" in result.stdout
    katas = {item["id"]: item for item in json.loads(run_coach("list", "katas", "--json").stdout)}
    assert katas["leap"]["difficulty"] == "easy"
    assert katas["leap"]["topics"] == ["booleans", "conditionals"]
    assert katas["leap"]["origin"] == "exercism"
    again = run_coach("import", str(track))
    assert "0 new, 1 updated" in again.stdout
    assert [k.slug for k in load_library(questions=False).katas].count("leap") == 1
    imported = coach_home / "katas" / "leap"
    check = run_coach("check", "leap", str(imported / ".meta" / "example.py"))
    assert check.returncode == 0, check.stdout


def test_import_of_a_folder_without_exercises(tmp_path):
    result = run_coach("import", str(tmp_path))
    assert result.returncode == 2
    assert "no Exercism exercises" in result.stderr
