"""coach optimize: personal FSRS parameters from the review log, and the scheduler using them."""

from __future__ import annotations

import pytest
from fsrs import Scheduler

from coach import settings
from coach.practice.optimize import MIN_REVIEWS, fit, histories, sequences, to_items
from coach.practice.scheduler import Drill, make_scheduler
from coach.practice.store import Store, default_path
from tests.conftest import run_coach
from tests.practice.helpers import question
from tests.practice.reviewlog import generate

DEFAULTS = Scheduler().parameters


def test_a_new_home_answers_in_one_line_saying_how_many_reviews_it_needs():
    result = run_coach("optimize")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and f"needs {MIN_REVIEWS} reviews" in lines[0] and "no reviews yet" in lines[0]
    assert settings.fsrs_parameters() is None


def test_a_thousand_reviews_are_fitted_and_the_scheduler_then_uses_the_fitted_parameters():
    with Store.open(default_path()) as store:
        assert generate(store, 1000) == 1000
    result = run_coach("optimize")
    assert result.returncode == 0, result.stderr
    losses = {line.split()[0]: float(line.split()[-1]) for line in result.stdout.splitlines()
              if line.startswith("  ")}
    assert set(losses) == {"default", "fitted"}, result.stdout
    assert losses["fitted"] < losses["default"], "the learner's memory is not the defaults': a fit predicts better"
    saved = settings.fsrs_parameters()
    assert saved is not None and len(saved) == 21 and saved != DEFAULTS
    assert make_scheduler().parameters == saved
    with Store.open(default_path()) as store:
        assert Drill(store, [question("q")]).scheduler.parameters == saved
    again = run_coach("optimize")  # the saved parameters are compared too; the same fit adds nothing
    assert "your saved parameters" in again.stdout and "Kept the parameters in use" in again.stdout
    reset = run_coach("optimize", "--reset")
    assert reset.returncode == 0 and settings.fsrs_parameters() is None
    assert make_scheduler().parameters == DEFAULTS


def test_too_few_reviews_keep_the_defaults_and_say_how_many_are_needed(tmp_path):
    with Store.open(tmp_path / "coach.db") as store:
        generate(store, 120)
        result = fit(store)
    assert result.reviews == 120 and not result.enough and result.parameters is None
    assert f"needs {MIN_REVIEWS}" in (result.kept or "")
    cli = run_coach("optimize", env={"COACH_HOME": str(tmp_path)})
    assert "you have only 120 reviews" in cli.stdout and len(cli.stdout.strip().splitlines()) == 1


def test_days_between_reviews_are_calendar_days_and_same_day_reviews_predict_nothing():
    day = 1_767_254_400.0  # a morning
    log = [("a", day, 1), ("a", day + 600, 3), ("a", day + 86_400, 3), ("a", day + 4 * 86_400, 1),
           ("b", day, 3)]
    cards = histories(log)
    assert [[rating for _, rating in c] for c in cards] == [[1, 3, 3, 1], [3]]
    assert sequences(cards) == [[(1, 0), (3, 0), (3, 1)], [(1, 0), (3, 0), (3, 1), (1, 3)]]
    assert len(to_items(cards)) == 2


@pytest.mark.parametrize("value", [[100.0] * 21, [0.5] * 19, ["x"] * 21, "0.2,1.2"])
def test_saved_parameters_the_scheduler_cannot_use_are_ignored(value):
    settings.save(fsrs_parameters=value)
    assert make_scheduler().parameters == DEFAULTS
