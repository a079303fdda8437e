"""Rapid fire's Anki comforts as a user meets them: intervals on the rating bar, undo,
suspend, bury, new cards per day (setting, palette, --new)."""

from __future__ import annotations

from textual.widgets import Static

from coach import settings
from coach.tui.screens.rapid import RapidScreen
from tests.conftest import run_coach
from tests.tui.helpers import NOON, make, wait_for
from tests.tui.screen import screen_text

SIZE = (80, 24)


def prompt(app) -> str:
    return str(app.screen.query_one("#prompt", Static).render())


def meta(app) -> str:
    return str(app.screen.query_one("#meta", Static).render())


async def test_each_rating_key_shows_the_interval_it_gives_and_u_takes_the_rating_back():
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        first = app.screen.question
        shown = app.screen.drill.preview(first)
        assert "1 Again · 1m" in prompt(app) and "3 Good · 10m" in prompt(app) and "4 Easy · " in prompt(app)
        await pilot.press("3")
        assert app.saved() and app.store.card(first.id).due == NOON + shown[3]
        assert app.screen.question is not first
        await pilot.press("u")  # space, 3, u: as if never rated
        assert app.saved() and app.store.review_count() == 0 and app.store.card(first.id) is None
        assert app.screen.question is first and app.screen.stage == "asking" and app.screen.ratings == []
        assert "0 due, 3 new left" in meta(app)
        await pilot.press("u")  # nothing left to undo: the key is not live
        assert app.screen.question is first


async def test_suspend_and_bury_from_the_reveal_and_undo_brings_the_card_back():
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # not before the reveal
        assert app.saved() and app.store.suspended() == []
        await pilot.press("space", "s")
        assert app.saved() and [card for card, _ in app.store.suspended()] == ["py-gil"]
        assert app.screen.question.id == "py-is" and "2 new left" in meta(app)
        await pilot.press("space", "b")
        assert app.saved() and app.store.held_ids(NOON) == {"py-gil", "py-is"}
        await pilot.press("u")
        assert app.saved() and app.store.held_ids(NOON) == {"py-gil"} and app.screen.question.id == "py-is"
    again = make(mode="rapid")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.question.id == "py-is", "a suspended card stays out of the next session"
    result = run_coach("rapid", "--unsuspend")
    assert "py-gil" in result.stdout and "1 suspended card" in result.stdout
    assert run_coach("rapid", "--unsuspend", "py-gil").returncode == 0
    assert run_coach("rapid", "--unsuspend", "py-gil").returncode == 2, "no longer suspended"


async def test_new_cards_per_day_comes_from_the_setting_or_new_for_one_session():
    settings.save(new_per_day=2)
    home = make()
    async with home.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "2 new" in screen_text(home), what="home's count of new cards")
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0 due, 2 new left" in meta(app)
    once = make(mode="rapid", new_per_day=1)
    async with once.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0 due, 1 new left" in meta(once)
        await pilot.press("space", "4")
        assert not isinstance(once.screen, RapidScreen)
    assert settings.new_per_day() == 2


async def test_the_palette_changes_new_cards_per_day():
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"new cards per day 7")
        await wait_for(pilot, lambda: "New cards per day: 7" in app.screen_stack[-1].query_one("CommandList")
                       .get_option_at_index(0).prompt.plain, what="the palette's entry")
        await pilot.press("enter")
        await wait_for(pilot, lambda: settings.new_per_day() == 7, what="the setting saved")


async def test_a_cram_session_says_it_is_practice_not_due_counts():
    app = make(mode="rapid", cram=True)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "practice, schedules unchanged · 3 left" in meta(app) and "due" not in meta(app)
