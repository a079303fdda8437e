"""The kata list with the bundled katas: a fast filter, the cursor's row, the columns at 80 wide."""

from __future__ import annotations

from textual import events

from coach.content.library import load_library
from coach.practice.katasched import Evidence, SessionRecord, record_session
from coach.practice.store import Store
from coach.tui.app import make_app
from coach.tui.screens.katas import KataListScreen
from coach.tui.screens.workbench import WorkbenchScreen
from tests.tui.helpers import NOON
from tests.tui.screen import screen_text

BUNDLED = load_library(questions=False, user=False)


def kata_list():
    return make_app(library=BUNDLED, mode="kata", clock=lambda: NOON)


def opened(app) -> str | None:
    return app.screen.kata.slug if isinstance(app.screen, WorkbenchScreen) else None


async def test_enter_in_a_burst_opens_what_every_key_before_it_filtered():
    """A paste or a fast typist: the keys queue up at once. The letters must not land before the
    backspaces typed ahead of them (that filtered on 'asy', which 'easy' matches)."""
    app = kata_list()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"async")
        for key in ["backspace"] * 5 + ["l", "r", "u", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        assert opened(app) == "lru_cache"


async def test_down_then_enter_in_a_burst_opens_the_row_below():
    """Down ran from the app's queue after enter had opened the row the cursor was on."""
    app = kata_list()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in [*"valid par", "down", "enter"]:
            app.post_message(events.Key("space" if key == " " else key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        assert opened(app) == "fastapi_params"


async def test_title_matches_come_first_and_the_cursor_comes_back_to_the_kata_left():
    app = kata_list()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, KataListScreen)
        await pilot.press(*"valid par")
        assert [k.slug for k in screen.matches()] == ["valid_parentheses", "fastapi_params"]
        assert screen.highlighted() == "valid_parentheses"
        await pilot.press("down", "enter")
        assert opened(app) == "fastapi_params"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.highlighted() == "fastapi_params"
        await pilot.press("up", "enter")
        assert opened(app) == "valid_parentheses"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        assert opened(app) == "valid_parentheses"


async def test_due_dates_read_in_full_at_80_columns():
    app = kata_list()
    async with app.run_test(size=(80, 24)) as pilot:
        with Store.open() as store:
            store.record_attempt("batched", "pass", 3, 3, 95_000.0, at=NOON - 5)
            record_session(store, SessionRecord("batched", NOON - 100, NOON - 5,
                                                Evidence(1, 1, 0, 0, False, 95_000.0), timed=True, rating=4))
            store.record_attempt("group_anagrams", "fail", 1, 3, 60_000.0, at=NOON - 5)
        app.screen.refresh_rows()
        await pilot.pause()
        rows = screen_text(app).splitlines()
        assert any("Batched iterator" in row and row.rstrip(" ▁▂▃▄▅▆▇█▌").endswith("in 8d") for row in rows)
        assert any("Group anagrams" in row and "unrated" in row for row in rows)
        assert "Due" in next(row for row in rows if "Title" in row)
