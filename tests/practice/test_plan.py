"""Today's plan: within the budget, cards timed from the user's answers, one kata, the weakest topic."""

from __future__ import annotations

import json
from pathlib import Path

from fsrs import Scheduler

from coach.content.library import Library
from coach.content.models import Deck, Kata
from coach.practice.katasched import Evidence, SessionRecord, record_session
from coach.practice.plan import DEFAULT_CARD_SECONDS, Focus, build_plan
from coach.practice.scheduler import AGAIN, GOOD, Drill
from coach.practice.stats import compute
from coach.practice.store import Store
from tests.conftest import run_coach
from tests.practice.helpers import FakeClock, question

DAY = 86_400


def kata(slug: str, difficulty: str = "easy", minutes: int = 10, topics: tuple[str, ...] = ("arrays",)) -> Kata:
    return Kata(slug=slug, title=slug.title(), difficulty=difficulty, topics=topics, module=slug, entry=(slug,),
                hints=(), path=Path("."), test_file=f"test_{slug}.py", minutes=minutes)


def library() -> Library:
    py = tuple(question(f"py{i}", topic="python", order=i) for i in range(30))
    api = tuple(question(f"api{i}", topic="fastapi", order=30 + i) for i in range(10))
    return Library(decks=[Deck("python", "Python", Path("p.yaml"), py), Deck("fastapi", "FastAPI", Path("f.yaml"), api)],
                   katas=[kata("hard_one", "hard", 30), kata("medium_one", "medium", 20), kata("easy_one"),
                          kata("fastapi_one", "easy", 10, ("fastapi", "di"))])


def test_a_new_home_gets_cards_and_a_kata_within_the_budget(tmp_path):
    lib = library()
    with Store.open(tmp_path / "coach.db") as store:
        for minutes in (1, 5, 10, 20, 30, 90):
            plan = build_plan(store, lib, minutes=minutes, now=FakeClock().now)
            assert sum(item.minutes for item in plan.items) <= minutes
        plan = build_plan(store, lib, minutes=20, now=FakeClock().now)
    kinds = [item.kind for item in plan.items]
    assert kinds == ["cards", "kata"]
    assert plan.items[1].kata == "easy_one"  # easy first, then the curriculum's order
    assert plan.seconds_per_card == DEFAULT_CARD_SECONDS and plan.weakest is None
    doc = plan.to_dict()
    assert doc["minutes"] == 20 and sum(i["minutes"] for i in doc["items"]) <= 20


def test_card_time_comes_from_the_users_answers_and_the_weakest_topic_is_named(tmp_path):
    lib = library()
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        drill = Drill(store, lib.questions, scheduler=Scheduler(enable_fuzzing=False), clock=clock)
        for i in range(12):
            q = drill.next()
            drill.rate(q, AGAIN if q.topic == "python" and i % 2 else GOOD, duration_ms=6_000)
            clock.advance(10)
        plan = build_plan(store, lib, minutes=30, now=clock.now)
    assert plan.seconds_per_card == 6.0 and plan.timed_from == 12
    assert plan.weakest is not None and plan.weakest.topic == "python"
    assert "lowest predicted recall in 7 days" in plan.weakest.reason
    # a new kata that trains the weakest topic would come first among equals; python trains none here
    assert plan.item("kata").kata == "easy_one"


def test_a_due_kata_comes_before_new_ones_and_one_kata_a_day(tmp_path):
    lib = library()
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        row = record_session(store, SessionRecord("medium_one", clock.now - 60, clock.now, Evidence(1, 1, 0, 0, False, 1.0),
                                                  True, GOOD))
        today = build_plan(store, lib, minutes=30, now=clock.now + 60)
        assert today.item("kata").kata == "medium_one" and today.item("kata").done  # rated today: done
        later = build_plan(store, lib, minutes=30, now=row.due + 60)
        assert later.item("kata").kata == "medium_one" and "due again" in later.item("kata").why


def test_focus_topics_and_katas_come_first(tmp_path):
    lib = library()
    with Store.open(tmp_path / "coach.db") as store:
        plan = build_plan(store, lib, minutes=40, now=FakeClock().now,
                          focus=Focus(topics=("fastapi",), katas=("hard_one",), reason="mock interview"))
    focus = plan.item("focus")
    assert focus is not None and focus.topic == "fastapi" and focus.count > 0 and focus.why == "mock interview"
    assert plan.item("kata").kata == "hard_one"
    assert plan.planned <= 40


def test_a_focus_step_counts_todays_practice_and_is_done_at_its_size(tmp_path):
    """Focus cards are drilled as practice (cram): the step still shows progress and ends."""
    lib = library()
    clock = FakeClock()
    focus = Focus(topics=("fastapi",), reason="mock interview")
    with Store.open(tmp_path / "coach.db") as store:
        before = build_plan(store, lib, minutes=60, now=clock.now, focus=focus).item("focus")
        assert before is not None and (before.done, before.count) == (0, 10)
        cram = Drill(store, [q for q in lib.questions if q.topic == "fastapi"], cram=True, clock=clock)
        for _ in range(4):
            cram.rate(cram.next(), GOOD)
            clock.advance(5)
        partway = build_plan(store, lib, minutes=60, now=clock.now, focus=focus).item("focus")
        assert partway is not None and (partway.done, partway.count) == (4, 6)
        assert partway.to_dict()["done_today"] == 4 and partway.to_dict()["practice"] is True
        for _ in range(6):
            cram.rate(cram.next(), GOOD)
            clock.advance(5)
        after = build_plan(store, lib, minutes=60, now=clock.now, focus=focus).item("focus")
        assert after is not None and (after.done, after.count, after.minutes) == (10, 0, 0)
        tomorrow = build_plan(store, lib, minutes=60, now=clock.now + DAY, focus=focus).item("focus")
        assert tomorrow is not None and (tomorrow.done, tomorrow.count) == (0, 10)


def test_mastery_after_lapses_is_never_shown_as_certain(tmp_path):
    """The reported bug: 2 of 5 cards rated Again, and stats said 100% recall."""
    lib = library()
    clock = FakeClock()
    with Store.open(tmp_path / "coach.db") as store:
        drill = Drill(store, lib.questions, scheduler=Scheduler(enable_fuzzing=False), clock=clock)
        for rating in (GOOD, AGAIN, GOOD, AGAIN, GOOD):
            drill.rate(drill.next(), rating)
        stats = compute(store, lib, now=clock.now, new_per_day=20)
    python = stats.topics[0]
    assert python.seen == 5 and python.mastery is not None and python.mastery < 0.9
    counts = stats.counts
    assert counts.due_now <= counts.due_today and counts.not_seen == 35 and counts.new_today == 15
    assert sum(c for _, c, _ in stats.forecast) == 5  # every seen card falls due within 14 days


def test_coach_plan_on_a_new_home():
    result = run_coach("plan", "--minutes", "20", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["minutes"] == 20 and {"cards", "kata"} <= {i["kind"] for i in doc["items"]}
    assert sum(i["minutes"] for i in doc["items"]) <= 20
    human = run_coach("plan")
    assert human.returncode == 0 and "Today's plan" in human.stdout
    bad = run_coach("plan", "--minutes", "0")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
