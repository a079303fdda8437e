"""`coach check`: the human report and Exercism's test-runner format, version 3."""

from __future__ import annotations

import json

from tests.conftest import ROOT, run_coach
from tests.exercism.test_runner_parity import FIRST, SECOND, WRONG, concept

SOLUTION = ROOT / "katas" / "two_sum" / "solution.py"
TEST_NAMES = ["test_example", "test_pair_in_the_middle", "test_element_not_used_twice", "test_equal_values",
              "test_negatives_and_zero", "test_no_answer_returns_none", "test_too_short_returns_none[empty]",
              "test_too_short_returns_none[one number]", "test_input_not_modified", "test_big_ints",
              "test_linear_time"]


def check_v3(doc: dict) -> None:
    """The fields and types of Exercism's test-runner interface, version 3."""
    assert doc["version"] == 3
    assert doc["status"] in ("pass", "fail", "error")
    if doc["status"] == "error":
        assert isinstance(doc["message"], str) and doc["message"]
    assert isinstance(doc["tests"], list)
    for test in doc["tests"]:
        assert set(test) >= {"name", "status", "test_code", "task_id"}
        assert set(test) <= {"name", "status", "message", "output", "test_code", "task_id"}
        assert test["status"] in ("pass", "fail", "error")
        assert isinstance(test["name"], str) and isinstance(test["test_code"], str)
        assert isinstance(test["task_id"], int)
        assert test["status"] == "pass" or isinstance(test.get("message"), str)
        assert "output" not in test or (isinstance(test["output"], str) and len(test["output"]) <= 500)


def test_json_for_a_passing_solution():
    result = run_coach("check", "two_sum", str(SOLUTION), "--json")
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    check_v3(doc)
    assert doc["status"] == "pass" and "message" not in doc
    assert [t["name"] for t in doc["tests"]] == TEST_NAMES
    assert all(t["status"] == "pass" and "message" not in t for t in doc["tests"])
    assert doc["tests"][0]["test_code"].startswith("def test_example():")


def test_json_for_a_failing_solution_with_output(tmp_path):
    solution = tmp_path / "noisy.py"
    solution.write_text("def two_sum(nums, target):\n    print('x' * 2000)\n    return [0, 0]\n")
    result = run_coach("check", "two_sum", str(solution), "--json")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    check_v3(doc)
    assert doc["status"] == "fail"
    first = doc["tests"][0]
    assert first["status"] == "fail"
    assert "assert [0, 0] == [0, 1]" in first["message"]
    assert len(first["output"]) == 500, "cut to Exercism's 500 characters, the note included"
    assert first["output"].endswith(" [Output was truncated. Please limit to 500 chars]")


def test_json_for_an_error(tmp_path):
    solution = tmp_path / "broken.py"
    solution.write_text("def two_sum(nums, target)\n")
    result = run_coach("check", "two_sum", str(solution), "--json")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    check_v3(doc)
    assert doc["status"] == "error"
    assert doc["message"] == "SyntaxError on line 1: expected ':'"


def test_human_report(tmp_path):
    solution = tmp_path / "half.py"
    solution.write_text("def two_sum(nums, target):\n    print('looking')\n"
                        "    return [0, 1] if nums == [2, 7, 11, 15] else None\n")
    result = run_coach("check", "two_sum", str(solution))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✓ test_example  ") and lines[0].endswith(" ms")
    assert lines[1].startswith("✗ test_pair_in_the_middle  ")
    assert "First failure: test_pair_in_the_middle" in result.stdout
    assert "captured output:" in result.stdout and "looking" in result.stdout
    assert lines[-1] == "5 passed, 6 failed"


def test_a_kata_folder_path_works_too():
    result = run_coach("check", str(ROOT / "katas" / "two_sum"), str(SOLUTION))
    assert result.returncode == 0 and result.stdout.strip().endswith("11 passed")


def test_human_report_groups_a_concept_exercise_by_task(tmp_path):
    folder = concept(tmp_path, {"pantry_test.py": FIRST, "pantry_extra_test.py": SECOND}, WRONG)
    result = run_coach("check", str(folder), str(folder / "pantry.py"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "Task 1: 2/4 passed"
    assert [line.split("  ")[1] for line in lines[1:5]] == [
        "✓ PantryTest::test_jars[variation #1, shelves=1]", "✓ PantryTest::test_jars[variation #2, shelves=2]",
        "✗ PantryTest::test_jars[variation #3, shelves=4]", "✗ PantryTest::test_jars"]
    assert lines[5:9:2] == ["Task 2: 1/1 passed", "Task 3: 1/1 passed"]
    assert lines[-1] == "4 passed, 2 failed"
