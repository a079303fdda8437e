"""Katas on the scheduler, in the workbench: the rating a session earns, and a kata coming back."""

from __future__ import annotations

from coach.practice import katasched
from coach.practice.drafts import draft_path
from coach.practice.scheduler import EASY
from coach.practice.store import Store
from coach.tui.app import make_app
from coach.tui.screens.rate_kata import RateKataScreen
from coach.tui.screens.workbench import WorkbenchScreen
from tests.tui.helpers import NOON, library, wait_for
from tests.tui.screen import screen_text
from tests.tui.test_flows import SIZE, summary

DAY = 86_400


def bench(now: float):
    kata = next(k for k in library().katas if k.slug == "two_sum")
    return make_app(library=library(), mode="kata", kata=kata, clock=lambda: now), kata


async def test_a_first_run_pass_suggests_easy_and_schedules_the_kata_past_today():
    app, kata = bench(NOON)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen) and "new" in screen.sub_title
        screen.editor.load_text(kata.solution_path.read_text())
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, RateKataScreen), what="the rating dialog")
        shown = screen_text(app)
        assert "Solved Two Sum" in shown and "passed on the first run, no hints" in shown
        assert "Suggested: Easy" in shown and "4 Easy  · 8d" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        assert app.saved()
        found = katasched.schedule(app.store, "two_sum")
        assert found is not None and found.due >= NOON + DAY / 2
        assert app.store.conn.execute("SELECT rating, failed_runs, timed FROM kata_sessions").fetchall() == [
            (EASY, 0, 1)]
        await pilot.press("escape")  # rated already: leaving asks nothing
        await pilot.pause()
        assert not isinstance(app.screen, (WorkbenchScreen, RateKataScreen))


async def test_leaving_after_a_failing_run_offers_again_and_n_leaves_unrated():
    app, kata = bench(NOON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")  # the starter fails
        await wait_for(pilot, lambda: "failed" in summary(app), what="the run to finish")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, RateKataScreen), what="the rating dialog")
        assert "Leaving Two Sum unsolved" in screen_text(app) and "Suggested: Again" in screen_text(app)
        await pilot.press("escape")  # back to the kata
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert not isinstance(app.screen, (WorkbenchScreen, RateKataScreen))
        assert app.saved() and katasched.schedule(app.store, "two_sum") is None


async def test_a_due_kata_comes_back_from_the_starter_with_the_old_draft_kept():
    kata = next(k for k in library().katas if k.slug == "two_sum")
    solved = kata.solution_path.read_text()
    path = draft_path(kata)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(solved)
    with Store.open() as store:
        store.record_attempt("two_sum", "pass", 11, 11, 60_000.0, "x", at=NOON)
        katasched.record_session(store, katasched.SessionRecord(
            "two_sum", NOON - 60, NOON, katasched.Evidence(1, 1, 0, 0, False, 60_000.0), True, EASY))
        due = katasched.schedule(store, "two_sum").due
    early, _ = bench(NOON + 3600)
    async with early.run_test(size=SIZE):
        assert early.screen.editor.text == solved and "practice" in early.screen.sub_title
    app, _ = bench(due + 60)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.editor.text == kata.starter() and "due for review" in screen.sub_title
        assert katasched.previous_path("two_sum").read_text() == solved
        await pilot.press("f9")
        await pilot.pause()
        assert "previous draft" in screen_text(app)
        assert screen.session.viewed_solution  # seeing the old solution is seeing a solution
    with Store.open() as store:
        assert katasched.schedule(store, "two_sum").kept_draft == solved


async def test_p_on_home_walks_the_plan_cards_then_the_kata_and_home_shows_progress():
    from coach.tui.screens.home import HomeScreen
    from coach.tui.screens.rapid import RapidScreen
    from tests.tui.helpers import make

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plan = app.screen.plan
        assert [item.kind for item in plan.items] == ["cards", "kata"]
        assert "0/3 cards" in screen_text(app) and "Today's plan" in screen_text(app)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, RapidScreen), what="the cards")
        while isinstance(app.screen, RapidScreen):
            await pilot.press("space", "4")
        await pilot.press("enter")  # the session summary: back home, and on to the kata
        await wait_for(pilot, lambda: isinstance(app.screen, WorkbenchScreen), what="the plan's kata")
        assert app.screen.kata.slug == plan.items[1].kata
        app.screen.action_back()  # nothing run: leaving asks nothing
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), what="home")
        assert "3/3 cards ✓" in screen_text(app)


async def test_a_focus_step_shows_progress_and_the_walk_skips_it_once_done(monkeypatch):
    """The mock's weak topic leads the plan as practice; cards reviewed today count towards it,
    and p never starts a step that is already done."""
    from coach.practice import plan as plan_module
    from coach.tui.screens.home import HomeScreen
    from coach.tui.screens.rapid import RapidScreen
    from tests.tui.helpers import make

    monkeypatch.setattr(plan_module, "mock_focus", lambda store, now: plan_module.Focus(
        topics=("python",), reason="weak in your last mock interview"))
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert [item.kind for item in app.screen.plan.items] == ["cards", "focus", "kata"]
        assert "0/2 Python cards, practice" in screen_text(app)
        assert "weakest topic: none yet" in screen_text(app), "a plan that wraps keeps its last line"
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, RapidScreen), what="the cards")
        while isinstance(app.screen, RapidScreen):
            await pilot.press("space", "4")
        await pilot.press("enter")  # both Python cards were among them: straight on to the kata
        await wait_for(pilot, lambda: isinstance(app.screen, WorkbenchScreen), what="the plan's kata")
        app.screen.action_back()
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), what="home")
        assert "2/2 Python cards, practice ✓" in screen_text(app)
        assert [step.kind for step in app.screen.plan.left()] == ["kata"]
