"""The mock interview as a user lives it, on a fake clock: every round, time-outs,
ending early, quitting mid-mock, and the scorecard's layout at 80x24 and 120x40."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, Static, TextArea

from coach.content.library import Library, load_library
from coach.content.models import Deck
from coach.practice.drafts import draft_path
from coach.practice.mock import MockOptions, build, db, latest_mock_focus
from coach.practice.mock.models import FINISHED, PARTIAL
from coach.practice.plan import build_plan
from coach.practice.store import Store
from coach.tui.app import make_app
from coach.tui.screens.mock import MockScreen
from coach.tui.screens.mock_scorecard import AnswersScreen, MockScorecardScreen
from coach.tui.screens.mock_workbench import MockWorkbench
from tests.tui.helpers import NOON, card, wait_for
from tests.tui.screen import region_text, screen_text

SIZE = (100, 32)


class FakeClock:
    def __init__(self) -> None:
        self.now = NOON

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def mock_library() -> Library:
    """Five warm-up cards, three concept cards with follow-ups, and Two Sum (easy)."""
    warm = tuple(card(f"py-{i}", f"What is idea {i}?", f"Idea {i} is about alpha{i} and beta{i}.",
                      [f"alpha{i}", f"beta{i}"], order=i) for i in range(5))
    deep = tuple(card(f"real-{i}", f"Explain design {i}.", f"Design {i} needs gamma{i} and delta{i}.",
                      [f"gamma{i}", f"delta{i}"], level="intermediate", order=10 + i, topic="interview-real")
                 for i in range(3))
    deep = tuple(type(q)(**{**vars(q), "follow_ups": (f"And how would design {i} scale?",)})
                 for i, q in enumerate(deep))
    katas = [k for k in load_library(questions=False, user=False).katas if k.slug == "two_sum"]
    return Library(decks=[Deck("python", "Python", Path("python.yaml"), warm),
                          Deck("interview-real", "Real interview", Path("real.yaml"), deep)], katas=katas)


LIBRARY = mock_library()


def mock_app(clock: FakeClock, **options):
    return make_app(library=LIBRARY, mode="mock", clock=clock,
                    mock=MockOptions(**{"minutes": 15, "seed": 7, "level": "easy", **options}))


async def stored(app):
    """The mock as saved (waiting for the write queue off the app's thread, as the app does)."""
    assert await asyncio.to_thread(app.saved, 10)
    return db.load(app.store)


def solution() -> str:
    return (LIBRARY.katas[0].path / "solution.py").read_text(encoding="utf-8")


async def coding(pilot) -> MockWorkbench:
    """Wait until the workbench of the coding round is up."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, MockWorkbench) and app.screen.query("#editor"),
                   what="the coding round")
    await pilot.pause()
    return app.screen


def shown(app, selector: str) -> str:
    """The text of one Static on the current screen (cheaper than reading the whole screen)."""
    return str(app.screen.query_one(selector, Static).render())


async def tick(pilot, screen: MockScreen) -> None:
    """One tick of the mock's clock, as its one-second timer runs it."""
    screen.call_later(screen.tick)
    await pilot.pause()


async def answer(pilot, text: str) -> None:
    """Put ``text`` in the answer box and submit it (typing it key by key is slow)."""
    pilot.app.screen.query_one("#mock-answer", TextArea).load_text(text)
    await pilot.press("ctrl+s")


@pytest.fixture(autouse=True)
def keywords_only(monkeypatch):
    monkeypatch.setenv("COACH_SEMANTIC", "0")
    from coach.practice.scoring import configure

    configure(semantic=False)
    yield
    configure(semantic=True)


async def test_a_full_mock_ends_in_a_scorecard_with_the_kata_tests_and_weak_areas():
    clock = FakeClock()
    app = mock_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MockScreen)
        text = screen_text(app)
        assert "Round 1/4 · Warm-up · question 1 of 5" in text and "Warm-up 5:00 left · total 15:00" in text
        for _ in range(5):
            prompt = screen.session.prompt()
            assert prompt is not None
            n = prompt.planned.id.removeprefix("py-")
            # two weak answers (ideas 0 and 1), the rest say both key ideas
            await answer(pilot, "no clue" if n in "01" else f"alpha{n} and beta{n}")
            clock.advance(30)
        assert shown(app, "#mock-round") == "Round 2/4 · Concepts · question 1 of 2"
        for _ in range(2):
            n = screen.session.prompt().planned.id.removeprefix("real-")
            await answer(pilot, f"gamma{n} then delta{n}")
            assert "The interviewer follows up" in app.screen.query_one("#mock-question", Markdown).source
            await answer(pilot, "shard it behind a load balancer")
        bench = await coding(pilot)
        # the 2:30 the warm-up left and the concepts' 4:00 (answered at once) come on top of coding's 5:00
        assert shown(app, "#mock-clock") == "Mock interview · Coding 11:30 left · total 12:30"
        bench.editor.load_text(solution())
        await pilot.press("ctrl+g")  # one hint: costs 10%
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: screen.session.kata["runs"] == 1, what="the run")
        clock.advance(120)
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is screen and "Wrap-up" in shown(app, "#mock-round")
        await pilot.click("#check-0")
        await pilot.click("#check-1")
        app.screen.query_one("#mock-note", Input).value = "state the complexity first"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, MockScorecardScreen), what="the scorecard")
        text = screen_text(app)
        assert "Scorecard · finished" in text
        passed = screen.session.kata["passed"]
        assert passed == screen.session.kata["total"] > 0
        assert f"{passed}/{passed} tests passed, 1 hint" in text
        assert "2/4 checklist items ticked" in text
        record = await stored(app)
        assert record.status == FINISHED
        assert [a.text for a in record.of("coding", "code")] == [solution()]
        assert record.of("wrap-up", "review")[0].text == "state the complexity first"
        focus = latest_mock_focus(app.store)
        assert focus and focus[0].topic == "python" and "py-0" in focus[0].cards
        # the weakest area leads the next daily plan
        plan = build_plan(app.store, app.library, minutes=30, now=app.clock())
        first_focus = next(item for item in plan.items if item.kind == "focus")
        assert first_focus.topic == "python" and "last mock interview" in first_focus.why
        await pilot.press("v")
        await wait_for(pilot, lambda: "Verdict: " in screen_text(app), what="the answers")
        assert "Model answer" in app.screen.query_one(Markdown).source


async def test_time_running_out_moves_on_and_says_so():
    clock = FakeClock()
    app = mock_app(clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"alpha half typed")
        clock.advance(301)
        await tick(pilot, screen)
        await pilot.pause()
        assert "Time is up for the warm-up round: on to" in screen_text(app)  # the toast
        assert screen.session.round == "concepts"
        clock.advance(241)
        await tick(pilot, screen)
        await coding(pilot)
        clock.advance(301)
        await tick(pilot, screen)
        await pilot.pause()
        assert app.screen is screen and screen.session.round == "wrap-up"
        # the starter was handed in unrun: coach runs its tests, as an interviewer would
        await wait_for(pilot, lambda: screen.session.kata.get("final_run"), what="the run at hand-in")
        assert screen.session.kata["passed"] < screen.session.kata["total"]
        clock.advance(61)
        await tick(pilot, screen)
        await wait_for(pilot, lambda: isinstance(app.screen, MockScorecardScreen), what="the scorecard")
        record = await stored(app)
        assert record.status == FINISHED
        typed = record.of("warm-up", "question")
        assert [a.text for a in typed] == ["alpha half typed"] and typed[0].detail["timed_out"]
        assert all(record.ending(r).detail["timed_out"] for r in ("warm-up", "concepts", "coding", "wrap-up"))
        rounds = shown(app, "#scorecard-rounds")
        assert "(time ran out)" in rounds and "(run on the code handed in)" in rounds


async def test_ending_early_keeps_a_partial_scorecard_with_the_typed_answer():
    clock = FakeClock()
    app = mock_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "alpha0 beta0")
        await pilot.press(*"what I was typing", "escape")
        assert "End the mock now?" in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, MockScreen)
        assert app.screen.query_one("#mock-answer", TextArea).text == "what I was typing"
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, MockScorecardScreen), what="the scorecard")
        assert shown(app, "#scorecard-title").startswith("Scorecard · partial")
        assert "Partial mock (ended in the warm-up round)" in shown(app, "#scorecard-verdict")
        record = await stored(app)
        assert record.status == PARTIAL and record.ended_in == "warm-up"
        assert [a.text for a in record.of("warm-up", "question")] == ["alpha0 beta0", "what I was typing"]


async def test_escape_in_the_coding_round_ends_the_mock_with_the_code():
    clock = FakeClock()
    app = mock_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        for _ in range(5 + 4):
            await answer(pilot, "something")
        await coding(pilot)
        app.screen.editor.load_text("def two_sum(nums, target):\n    return None\n")
        await pilot.press("ctrl+l")  # the reference solution stays hidden in a mock
        assert isinstance(app.screen, MockWorkbench)
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, MockScorecardScreen), what="the scorecard")
        record = await stored(app)
        assert record.status == PARTIAL and record.ended_in == "coding"
        assert record.of("coding", "code")[0].text.startswith("def two_sum(nums, target):\n    return None")
        assert screen.workbench is None


async def test_time_a_round_leaves_unused_carries_over_and_the_total_stays_honest():
    clock = FakeClock()
    app = mock_app(clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        for i in range(5):  # the warm-up (5:00) answered in 0:16
            clock.advance(4 if i else 0)
            await answer(pilot, "alpha")
        await tick(pilot, screen)
        # 16 s gone of 15:00: the concepts' 4:00 gets the warm-up's unused 4:44
        assert shown(app, "#mock-clock") == "Concepts 8:44 left · total 14:44"
        assert "4:44 unused in the warm-up round" in screen_text(app)  # the toast
        clock.advance(60)
        await tick(pilot, screen)
        assert shown(app, "#mock-clock") == "Concepts 7:44 left · total 13:44"
        clock.advance(8 * 60 + 45)  # the concepts round's whole time runs out: nothing more carries over
        await tick(pilot, screen)
        await coding(pilot)
        assert shown(app, "#mock-clock") == "Mock interview · Coding 5:00 left · total 6:00"
        record = await stored(app)
        assert record.ending("warm-up").detail["used"] == 16 and record.ending("concepts").detail["box"] == 524


async def test_the_coding_round_offers_no_previous_draft_no_solution_and_no_palette():
    clock = FakeClock()
    app = mock_app(clock)
    kata = LIBRARY.katas[0]
    draft = draft_path(kata)
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(solution(), encoding="utf-8")  # solved before the mock
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for _ in range(5 + 4):
            await answer(pilot, "something")
        bench = await coding(pilot)
        assert bench.editor.text == kata.starter() and bench.previous == solution()
        text = " ".join(screen_text(app).split())
        assert "stays hidden until the mock is over" in text and "f9" not in text  # the toast
        for key in ("f9", "ctrl+l", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is bench, key  # no draft, no solution, no palette to open a workbench from
        assert not bench.session.viewed_solution and bench.editor.text == kata.starter()
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, MockScorecardScreen), what="the scorecard")
        await pilot.press("escape", "ctrl+p")  # the palette is back once the mock is over
        await wait_for(pilot, lambda: app.screen.id == "--command-palette", what="the palette")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_answers_view_wraps_every_answer_and_the_code_and_scrolls_once(size):
    from tests.practice.test_mock import session

    said = ("It returns 422 with a JSON body listing each error; override it with an exception handler "
            "for RequestValidationError that returns the body your clients expect, plus a request id.")
    code = solution() + "\n# " + " ".join(f"word{i}" for i in range(40)) + "\n"
    mock, _ = session()
    mock.submit(said)
    for _ in range(4 + 4):
        mock.submit("something")
    mock.kata_ran("pass", 11, 11, code)
    mock.end_early()
    app = make_app(library=LIBRARY, clock=FakeClock())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.push_screen(MockScorecardScreen(build(mock.record, LIBRARY), mock_id=1))
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, AnswersScreen), what="the answers")
        await pilot.pause()
        answers = app.screen.query_one("#answers")
        seen = []
        while True:
            seen.append(region_text(app, "#answers"))
            if answers.scroll_y >= answers.max_scroll_y:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        words = set(" ".join(seen).split())
        assert set(said.split()) <= words  # nothing cut off at the right edge
        assert {f"word{i}" for i in range(40)} <= words
        scrolling = [w for w in app.screen.walk_children() if w.show_vertical_scrollbar or w.show_horizontal_scrollbar]
        assert scrolling == [answers] and not app.screen.is_modal  # one scrollbar: the scorecard's stays hidden
        await pilot.press("escape")
        assert isinstance(app.screen, MockScorecardScreen)


async def test_quitting_the_app_mid_mock_keeps_a_partial_scorecard(coach_home):
    clock = FakeClock()
    app = mock_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "alpha1 beta1")
        await pilot.press(*"half an answer")
        await app.action_quit()
    with Store.open(coach_home / "coach.db") as store:
        record = db.load(store)
        assert record.status == PARTIAL and record.ended_in == "warm-up"
        assert [a.text for a in record.of("warm-up", "question")] == ["alpha1 beta1", "half an answer"]
        assert record.focus is not None


async def test_home_and_the_palette_open_a_mock():
    app = make_app(library=LIBRARY, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Mock" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MockScreen)
        assert app.screen.session.plan.options == MockOptions()
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, MockScorecardScreen), what="the scorecard")
        await pilot.press("escape", "ctrl+p", *"Mock interview: FastAPI")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MockScreen), what="the mock")
        assert app.screen.session.plan.options.track == "fastapi"


SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", list(SIZES))
def test_scorecard_snapshot(size, snap_compare, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")

    async def finish(pilot):
        screen = pilot.app.screen
        for text in ("alpha0 beta0", "no idea", "alpha2"):
            await answer(pilot, text)
            pilot.app.clock.advance(40)
        await pilot.press("escape", "y")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MockScorecardScreen), what="the scorecard")
        await wait_for(pilot, lambda: pilot.app.screen.mock_id is not None, what="the mock saved")
        assert screen.closed

    assert snap_compare(mock_app(FakeClock()), terminal_size=SIZES[size], run_before=finish)

