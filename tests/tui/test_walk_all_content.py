"""Every bundled kata and deck, walked the way a user does, at 80x24 and 120x40.

Katas: open, run the starter (it fails), run the reference solution (all pass),
every hint, the solution dialog, reset, each screen looked at in both sizes (the
terminal is resized in place, so each kata is graded once). Decks: every card
revealed in cram mode and rated (decks alternate between the two sizes), and
the summary reached and looked at in both sizes.
Every problem is collected, so one broken kata does not hide the next.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from coach.content.library import load_library
from coach.tui.app import make_app
from coach.tui.screens.rapid import RapidScreen
from coach.tui.screens.rate_kata import RateKataScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.screens.workbench import WorkbenchScreen
from tests.tui.helpers import NOON, wait_for
from tests.tui.screen import screen_text

SMALL, LARGE = (80, 24), (120, 40)
SHARDS = 4  # the suite runs on several processes (pytest-xdist): each shard walks a quarter


@pytest.fixture(scope="module")
def bundled():
    return load_library(user=False)


def summary_of(screen) -> str:
    return str(screen.query_one("#results-summary", Static).render())


async def run_and_wait(pilot, screen, source: str) -> str:
    screen.editor.load_text(source)
    before = screen.run_id
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: screen.run_id > before and screen.stage == "editing"
                   and ("passed" in summary_of(screen) or "could not" in summary_of(screen)), 60,
                   "the run to finish")
    return summary_of(screen)


async def in_both_sizes(pilot, app, *texts: str) -> list[str]:
    """What is missing from the screen at 80x24, then at 120x40 (left at 120x40).
    The README pane is scrolled to the newest hint at each size."""
    missing = []
    for size in (SMALL, LARGE):
        await pilot.resize_terminal(*size)
        await pilot.pause()
        if isinstance(app.screen, WorkbenchScreen):
            app.screen.show_newest_hint()
            await pilot.pause()
        shown = screen_text(app)
        missing += [f"{text!r} at {size[0]}x{size[1]}" for text in texts if text not in shown]
    return missing


@pytest.mark.parametrize("shard", range(SHARDS))
async def test_every_kata_in_the_workbench(bundled, shard):
    app = make_app(library=bundled, clock=lambda: NOON)
    problems: list[str] = []
    async with app.run_test(size=SMALL) as pilot:
        for kata in bundled.katas[shard::SHARDS]:
            app.open_kata(kata)
            await wait_for(pilot, lambda: isinstance(app.screen, WorkbenchScreen), 10, "the workbench")
            screen = app.screen
            await pilot.pause()
            starter = await run_and_wait(pilot, screen, kata.starter())
            if "All" in starter or "passed" not in starter:
                problems.append(f"{kata.slug}: starter: {starter!r}")
            solution = await run_and_wait(pilot, screen, kata.solution_path.read_text(encoding="utf-8"))
            if "passed" in solution and "All" in solution:
                await wait_for(pilot, lambda: isinstance(app.screen, RateKataScreen), 5, "the rating dialog")
                await pilot.press("escape")  # rate later (when leaving)
            table = screen.query_one("#results-table", DataTable)
            headline = f"All {table.row_count} tests passed"
            if headline not in solution:
                problems.append(f"{kata.slug}: solution: {solution!r}")
            for _ in kata.hints:
                await pilot.press("ctrl+g")
            hints = screen.query_one("#hints").source
            missing = [i + 1 for i, hint in enumerate(kata.hints) if hint not in hints]
            if missing:
                problems.append(f"{kata.slug}: hints {missing} not shown")
            last = f"Hint {len(kata.hints)}/{len(kata.hints)}." if kata.hints else kata.title
            problems += [f"{kata.slug}: {m}" for m in await in_both_sizes(pilot, app, kata.title, headline, last)]
            await pilot.press("ctrl+l", "y")
            await pilot.pause()
            if "Reference solution" not in screen_text(app):
                problems.append(f"{kata.slug}: no solution dialog")
            await pilot.press("escape", "ctrl+t", "y")
            await pilot.pause()
            if screen.editor.text != kata.starter() or screen.query_one("#results-table", DataTable).row_count:
                problems.append(f"{kata.slug}: reset left the draft or the results")
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, RateKataScreen), 5, "the rating dialog")
            await pilot.press("n")  # leave unrated
            await wait_for(pilot, lambda: not isinstance(app.screen, WorkbenchScreen), 5, "leaving the workbench")
        assert app.is_running
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("shard", range(SHARDS))
async def test_every_deck_card_revealed(bundled, shard):
    app = make_app(library=bundled, clock=lambda: NOON)
    problems: list[str] = []
    async with app.run_test(size=SMALL) as pilot:
        for n, deck in enumerate(bundled.decks):
            if n % SHARDS != shard:
                continue
            await pilot.resize_terminal(*(SMALL if n % 2 == 0 else LARGE))  # decks alternate sizes
            app.start_drill(topic=deck.topic, cram=True)
            await pilot.pause()
            seen = 0
            while isinstance(app.screen, RapidScreen):
                # The actions the keys run (space, End, 3), called directly: a key press
                # costs an idle wait each, and the flows tests cover the keys themselves.
                screen = app.screen
                question = screen.question
                screen.action_reveal()
                await pilot.pause()
                if not screen.query_one("#answer").display or screen.query_one("#answer").source is None:
                    problems.append(f"{deck.topic}: {question.id}: answer not shown")
                screen.action_scroll("end")
                screen.action_rate(3)
                await pilot.pause()
                seen += 1
                if seen > 3 * len(deck.questions):
                    problems.append(f"{deck.topic}: the session never ends")
                    break
            if not isinstance(app.screen, SummaryScreen):
                problems.append(f"{deck.topic}: ended on {app.screen!r}")
            else:
                problems += [f"{deck.topic}: {m}" for m in
                             await in_both_sizes(pilot, app, f"Reviewed {len(deck.questions)} card")]
            await pilot.press("escape")
        assert app.is_running
    assert not problems, "\n".join(problems)
