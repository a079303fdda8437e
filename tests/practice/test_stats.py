"""Progress figures: mastery per topic, due today, reviews per day, katas, streak."""

from __future__ import annotations

import json
from pathlib import Path

from fsrs import Scheduler

from coach.content.library import Library
from coach.content.models import Deck, Kata
from coach.practice.scheduler import GOOD, Drill
from coach.practice.stats import compute
from coach.practice.store import Store
from tests.conftest import run_coach
from tests.practice.helpers import FakeClock, question

DAY = 86_400


def library() -> Library:
    py = [question(f"py{i}", topic="python", order=i) for i in range(3)]
    api = [question(f"api{i}", topic="fastapi", order=3 + i) for i in range(2)]
    katas = [Kata(slug=s, title=s.title(), difficulty="easy", topics=("x",), module=s, entry=(s,),
                  hints=("h",), path=Path("."), test_file=f"test_{s}.py") for s in ("two_sum", "lru")]
    return Library(decks=[Deck("python", "Python", Path("p.yaml"), tuple(py)),
                          Deck("fastapi", "FastAPI", Path("f.yaml"), tuple(api))], katas=katas)


def test_stats(tmp_path):
    lib = library()
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        for day in range(3):  # three days in a row of practice
            d = Drill(store, lib.questions, scheduler=Scheduler(enable_fuzzing=False), clock=clock)
            q = lib.questions[day]
            d.rate(q, GOOD)
            clock.advance(DAY)
        store.record_attempt("two_sum", "fail", 1, 5, 50_000.0, at=clock.now - DAY)
        store.record_attempt("two_sum", "pass", 5, 5, 80_000.0, at=clock.now - DAY + 5)
        stats = compute(store, lib, now=clock.now - DAY + 60, days=14)
    python, fastapi = stats.topics
    assert (python.topic, python.total, python.seen) == ("python", 3, 3)
    assert 0 < python.mastery < 1
    assert (fastapi.total, fastapi.seen, fastapi.mastery) == (2, 0, None)
    assert stats.counts.not_seen == 2
    assert len(stats.reviews_per_day) == 14
    assert [n for _, n in stats.reviews_per_day[-3:]] == [1, 1, 1]
    assert sum(n for _, n in stats.reviews_per_day) == 3
    assert stats.streak == 3
    two_sum, lru = stats.katas
    # attempts from before sessions were kept: solved, but no trustworthy best time
    assert (two_sum.status, two_sum.attempts, two_sum.best_ms) == ("solved", 2, None)
    assert lru.status == "new"
    assert (stats.katas_solved, stats.katas_attempted) == (1, 1)
    # the three groups on screen are disjoint and add up: a solved kata is not also "attempted"
    assert (stats.katas_solved, stats.katas_unsolved, stats.katas_not_started) == (1, 0, 1)
    doc = stats.to_dict()
    assert doc["katas"]["solved"] == 1 and doc["streak_days"] == 3
    assert doc["katas"]["solved"] + doc["katas"]["unsolved"] + doc["katas"]["not_started"] == doc["katas"]["total"]


def test_stats_cli_json_on_a_fresh_home():
    result = run_coach("stats", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["due_today"] == 0
    assert doc["katas"]["total"] >= 3 and doc["katas"]["solved"] == 0
    assert len(doc["reviews_per_day"]) == 14
    human = run_coach("stats")
    assert human.returncode == 0 and "0 due today" in human.stdout
