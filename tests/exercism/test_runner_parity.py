"""coach check --json against the conventions of Exercism's Python test runner.

The cases mirror the kinds the runner publishes examples for (tasks and
subtests, stdout in failing variations, several test files, a solution that
cannot be imported); the exercises and expectations are written here.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.conftest import run_coach


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip())


def concept(root: Path, tests: dict[str, str], solution: str, exemplar: str = "") -> Path:
    folder = root / "pantry"
    write(folder / ".meta" / "config.json", json.dumps({"files": {
        "solution": ["pantry.py"], "test": list(tests), "exemplar": [".meta/exemplar.py"]}}))
    write(folder / ".docs" / "instructions.md", "# Pantry\n\nCount jars.\n")
    write(folder / ".meta" / "exemplar.py", exemplar or solution)
    write(folder / "pantry.py", solution)
    for name, text in tests.items():
        write(folder / name, text)
    return folder


FIRST = """
    import unittest
    import pytest
    from pantry import jars, label


    class PantryTest(unittest.TestCase):
        @pytest.mark.task(taskno=1)
        def test_jars(self):
            for variant, (shelves, expected) in enumerate([(1, 3), (2, 6), (4, 12)], start=1):
                with self.subTest(f"variation #{variant}", shelves=shelves):
                    self.assertEqual(jars(shelves), expected)

        @pytest.mark.task(taskno=2)
        def test_label(self):
            self.assertEqual(label("jam"), "JAM")
"""

SECOND = """
    import unittest
    import pytest
    from pantry import jars


    class PantryExtraTest(unittest.TestCase):
        @pytest.mark.task(taskno=3)
        def test_no_shelves(self):
            self.assertEqual(jars(0), 0)
"""

WRONG = """
    def jars(shelves):
        print(f"counting {shelves}")
        return 3 * shelves if shelves < 4 else 0

    def label(name):
        return name.upper()
"""


def check(folder: Path, solution: Path) -> dict:
    result = run_coach("check", str(folder), str(solution), "--json")
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_tasks_subtests_and_stdout_follow_the_runner(tmp_path):
    folder = concept(tmp_path, {"pantry_test.py": FIRST, "pantry_extra_test.py": SECOND}, WRONG)
    doc = check(folder, folder / "pantry.py")
    assert doc["status"] == "fail"
    rows = [(t["name"], t["status"], t["task_id"], "output" in t) for t in doc["tests"]]
    # The runner cuts the test's stdout, in which "," follows a passing subtest and
    # "u" a failing one, at each newline followed by "u", and gives the n-th piece
    # to variation #n: here all three prints land in variation #1.
    assert rows == [
        ("Pantry > jars [variation #1]", "pass", 1, True),
        ("Pantry > jars [variation #2]", "pass", 1, False),
        ("Pantry > jars [variation #3]", "fail", 1, False),
        ("Pantry > jars~", "fail", 1, False),
        ("Pantry > label~", "pass", 2, False),
        ("PantryExtra > no shelves~", "pass", 3, False),
    ]
    assert doc["tests"][0]["output"] == "counting 1\n,counting 2\n,counting 4"
    third = doc["tests"][2]
    assert "0 != 12" in third["message"]
    assert doc["tests"][3]["message"].startswith("One or more variations of this test failed")
    assert doc["tests"][4]["test_code"] == 'self.assertEqual(label("jam"), "JAM")'
    # the first line of the last statement and the line after it (Exercism's cut)
    assert doc["tests"][0]["test_code"].splitlines()[-2:] == [
        '    with self.subTest(f"variation #{variant}", shelves=shelves):',
        "        self.assertEqual(jars(shelves), expected)"]


TWO_FILES_A = """
    import unittest
    from pantry import jars


    class FirstTest(unittest.TestCase):
        def test_one(self):
            self.assertEqual(jars(1), 3)

        def test_two(self):
            self.assertEqual(jars(2), 6)
"""

TWO_FILES_B = """
    import unittest
    from pantry import jars


    class SecondTest(unittest.TestCase):
        def test_zero(self):
            self.assertEqual(jars(0), 0)

        def test_three(self):
            self.assertEqual(jars(3), 9)
"""


def test_several_files_interleave_by_line_like_the_runner(tmp_path):
    folder = concept(tmp_path, {"a_test.py": TWO_FILES_A, "b_test.py": TWO_FILES_B},
                     "def jars(n):\n    return 3 * n\n\ndef label(s):\n    return s\n")
    doc = check(folder, folder / "pantry.py")
    assert doc["status"] == "pass"
    assert [t["name"] for t in doc["tests"]] == ["First > one", "Second > zero", "First > two", "Second > three"]


def test_the_exemplar_is_the_reference_and_passes(tmp_path):
    good = WRONG.replace("if shelves < 4 else 0", "").replace('print(f"counting {shelves}")', "pass")
    folder = concept(tmp_path, {"pantry_test.py": FIRST, "pantry_extra_test.py": SECOND}, WRONG, exemplar=good)
    doc = check(folder, folder / ".meta" / "exemplar.py")
    assert doc["status"] == "pass", doc
    assert len(doc["tests"]) == 6


def test_a_solution_that_cannot_be_imported_is_one_error_and_no_tests(tmp_path):
    folder = concept(tmp_path, {"pantry_test.py": FIRST}, "def jars(:\n")
    doc = check(folder, folder / "pantry.py")
    assert doc["status"] == "error" and doc["tests"] == []
    assert "SyntaxError" in doc["message"]
    (folder / "pantry.py").write_bytes(b"def jars(n):\n    return '\xff'\n")
    doc = check(folder, folder / "pantry.py")
    assert doc["status"] == "error" and doc["tests"] == [], "not UTF-8 is still a results document"
