"""Growth reports: the fit, the kata.yaml block, and a measurement in a real worker."""

from __future__ import annotations

import importlib.util
import json
import math

import pytest

from coach.content.library import load_folder, load_library
from coach.grading import complexity, growth
from coach.grading.complexity import Point, fit, is_worse
from coach.grading.events import ERROR, PASS, RunResult, TestResult
from coach.grading.grader import Grader
from tests.conftest import run_coach
from tests.content.test_validation import kata, line_of

SIZES = [1_000 * 2 ** k for k in range(6)]
LIBRARY = load_library(user=False, questions=False)


def curve(model, wobble=(1.0,)):
    return [Point(n, 1e-7 * model(n) * wobble[i % len(wobble)], 0.01) for i, n in enumerate(SIZES)]


@pytest.mark.parametrize(("model", "label"), [
    (lambda n: 50.0, "1"), (lambda n: n, "n"), (lambda n: n * math.log(n), "n log n"),
    (lambda n: n * n / 1e3, "n²"), (lambda n: n ** 3 / 1e6, "n³"),
])
def test_each_model_is_recognised(model, label):
    found = fit(curve(model))
    assert found is not None and found.model.label == label


def test_noise_and_one_odd_size_do_not_change_the_verdict():
    # ±15% per point, and one size three times slower (a cache boundary, a busy moment)
    linear = curve(lambda n: n, wobble=(1.0, 1.15, 0.87, 3.0, 1.1, 0.9))
    quadratic = curve(lambda n: n * n / 1e3, wobble=(1.1, 0.9, 1.0, 1.15, 0.95, 1.0))
    mine, reference = fit(quadratic), fit(linear)
    assert mine is not None and reference is not None
    assert reference.model.tier == 1 and mine.model.label == "n²"
    assert is_worse(mine, reference) and not is_worse(reference, reference)


def test_n_log_n_is_never_worse_than_n():
    # a known-good alternative (sorting) must not be reported as growing worse than a hash map
    sorted_way, hashed = fit(curve(lambda n: n * math.log(n) * 3)), fit(curve(lambda n: n))
    assert sorted_way is not None and hashed is not None and not is_worse(sorted_way, hashed)


def test_too_little_to_fit():
    assert fit([Point(1000, 0.5, 0.5)]) is None
    assert fit([Point(1000, 0.5, 0.5), Point(1500, 0.9, 0.9)]) is None  # less than a factor of 2
    assert fit([Point(n, 1e-6, 1e-6) for n in SIZES]) is None  # timed too briefly to mean anything


def test_sizes_go_through_the_budget_tests_size():
    assert complexity.sizes(8, 100, 400) == [12, 25, 50, 100, 200, 400]


def test_only_time_budget_failures_ask_for_a_report():
    rows = (TestResult("test_ok", PASS), TestResult("test_wrong", ERROR, message="KeyError: 3"),
            TestResult("test_fast", ERROR, message="took longer than 1 s, this test's time limit"))
    assert growth.budget_failures(RunResult(ERROR, tests=rows)) == ("test_fast",)


# -- the kata.yaml block ---------------------------------------------------------------

YAML = "title: Adder\ndifficulty: easy\ntopics: [basics]\nentry: add\nhints:\n  - Use +.\n  - Return a + b.\n"


def test_a_growth_block_is_loaded(tmp_path):
    kata(tmp_path, **{"kata.yaml": YAML + "growth:\n  call: add\n  args: n, n\n  n: 1000\n"})
    lib = load_folder(tmp_path)
    assert lib.problems == []
    spec = lib.katas[0].growth
    assert (spec.call, spec.args, spec.n, spec.max) == ("add", "n, n", 1000, 1000)


@pytest.mark.parametrize(("block", "needle", "complaint"), [
    ("  call: add\n  args: n, n\n  n: 1000\n  size: 3\n", "size:", "growth.size: unknown field"),
    ("  call: sub\n  args: n, n\n  n: 1000\n", "call:", "growth.call: 'sub' is not one of the kata's entry names"),
    ("  call: add\n  args: n, (\n  n: 1000\n", "args:", "growth.args: not a Python expression"),
    ("  call: add\n  args: numpy.ones(n), 1\n  n: 1000\n", "args:", "growth.args: the expression uses numpy"),
    ("  call: add\n  args: 1, 2\n  n: 1000\n", "args:", "growth.args: the expression never uses n"),
    ("  call: add\n  args: n, n\n  n: 1000\n  max: 10\n", "max:", "growth.max: must be at least 1,000"),
    ("  call: drive.py:run\n  args: n, n\n  n: 1000\n", "call:", "growth.call: no file drive.py in the kata folder"),
    ("  call: add\n  args: n, n\n", "growth:", "growth.n: missing required field"),
])
def test_growth_problems_are_located(tmp_path, block, needle, complaint):
    folder = kata(tmp_path, **{"kata.yaml": YAML + "growth:\n" + block})
    path = folder / "kata.yaml"
    [problem] = [str(p) for p in load_folder(tmp_path).problems]
    assert problem.startswith(f"{path}:{line_of(path, needle)}: {complaint}")


def test_every_bundled_growth_block_builds_inputs_its_reference_accepts():
    declared = [k for k in LIBRARY.katas if k.growth is not None]
    assert {"two_sum", "sliding_window_max", "lru_cache"} <= {k.slug for k in declared}
    for kata_ in declared:
        spec = kata_.growth
        reference = _load(kata_.solution_path, kata_.module)
        if spec.call_helper:
            helper = getattr(_load(kata_.path / spec.call_helper[0], "growth_helper"), spec.call_helper[1])
        else:
            helper = None
        for n in (64, 97):  # even and odd sizes both occur
            if spec.args_helper:
                args = tuple(getattr(_load(kata_.path / spec.args_helper[0], "args_helper"), spec.args_helper[1])(n))
            else:
                args = eval(f"({spec.args},)", {"n": n, "math": math, "random": __import__("random")})
            if helper is not None:
                helper(reference, *args)
            else:
                getattr(reference, spec.call)(*args)


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- measured in a worker ----------------------------------------------------------------

NESTED = LIBRARY.kata("two_sum").path / "mutants" / "nested_loops.py"


@pytest.fixture(scope="module")
def grader():
    with Grader() as grader:
        yield grader


def test_the_reference_is_never_reported_as_worse_than_itself(grader):
    two_sum = LIBRARY.kata("two_sum")
    report = growth.measure(grader, two_sum, two_sum.solution_path.read_text())
    assert report is not None and not report.worse
    assert report.text().startswith("grows like the reference (n")


def test_a_solution_that_raises_or_hangs_still_gets_a_sentence(grader):
    two_sum = LIBRARY.kata("two_sum")
    raising = "def two_sum(nums, target):\n    if len(nums) > 100:\n        raise ValueError('too long')\n"
    report = growth.measure(grader, two_sum, raising)
    assert "it failed at n = 156: ValueError: too long" in report.text()
    hanging = "def two_sum(nums, target):\n    while len(nums) > 100:\n        pass\n"
    report = growth.measure(grader, two_sum, hanging, deadline=1.0, budget=0.3)
    assert "did not finish in" in report.text() and "n = 156" in report.text()


def test_coach_check_json_keeps_exercism_format_and_carries_the_report(tmp_path):
    solution = tmp_path / "nested.py"
    solution.write_text(NESTED.read_text())
    result = run_coach("check", "two_sum", str(solution), "--json")
    assert result.returncode == 1, result.stderr
    doc = json.loads(result.stdout)
    assert doc["version"] == 3 and doc["status"] == "fail"
    [slow] = [t for t in doc["tests"] if t["name"] == "test_linear_time"]
    assert slow["status"] == "error" and "Growth: grows like n² (reference: n" in slow["message"]
    assert "at n = 20,000" in slow["message"]  # the budget test's size: measured, or estimated from the fit
    assert doc["coach_growth"]["solution"]["grows_like"] == "n²" and doc["coach_growth"]["worse"] is True
