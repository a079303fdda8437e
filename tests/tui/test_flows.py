"""Pilot tests: each flow a user relies on, driven by keys."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from textual.widgets import DataTable, Markdown, Static, TextArea

from coach.practice.store import Store
from coach.tui.screens.katas import KataListScreen
from coach.tui.screens.rapid import RapidScreen
from coach.tui.screens.stats import StatsScreen
from coach.tui.screens.summary import SummaryScreen
from coach.tui.screens.workbench import WorkbenchScreen
from tests.tui.helpers import NOON, library, make, wait_for

SIZE = (100, 32)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def markdown_of(app, selector: str) -> str:
    return app.screen.query_one(selector, Markdown).source


async def test_home_shows_counts_and_modes():
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = text_of(app, "#today")
        assert "0 due" in today and "3 new" in today and "katas 0/3 solved" in today
        await pilot.press("k")
        assert isinstance(app.screen, KataListScreen)
        await pilot.press("escape", "s")
        assert isinstance(app.screen, StatsScreen)


async def test_reveal_and_rate_writes_a_review():
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RapidScreen)
        assert app.screen.question.id == "py-gil"
        assert not app.screen.query_one("#answer").display
        await pilot.press("3")  # rating before revealing does nothing
        assert app.store.review_count() == 0
        await pilot.press("space")
        assert app.screen.query_one("#answer").display
        await pilot.press("3")
        assert app.saved() and app.store.review_count() == 1
        assert app.store.card("py-gil") is not None
        assert app.screen.question.id == "py-is", "the next card is shown"


async def test_typed_answer_shows_hits_and_misses_and_preselects_a_rating(monkeypatch):
    monkeypatch.setenv("COACH_SEMANTIC", "0")  # keywords only: the meaning model loads in the background
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert app.screen.focused is app.screen.query_one("#typed", TextArea)
        await pilot.press(*"only one thread runs bytecode", "ctrl+s")
        feedback = text_of(app, "#feedback")
        assert "✓ thread" in feedback and "✓ bytecode" in feedback
        assert "✗ GIL" in feedback and "✗ processes" in feedback
        assert "Suggested: 2 Hard" in feedback
        await pilot.press("enter")  # accept the suggestion
        assert app.saved()
        row = app.store.conn.execute("SELECT rating, score FROM reviews").fetchone()
        assert row == (2, 0.5)


async def test_session_ends_in_a_summary():
    app = make(mode="rapid", count=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "4")
        assert isinstance(app.screen, SummaryScreen)
        body = text_of(app, "#summary-body")
        assert "Reviewed 1 card" in body and "Easy 1" in body and "Next card due" in body


async def test_timer_reveals_the_answer_when_it_runs_out():
    app = make(mode="rapid", timer=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#timer") in ("⏱ 2s", "⏱ 1s")
        assert not app.screen.query_one("#answer").display
        await wait_for(pilot, lambda: app.screen.query_one("#answer").display, 5,
                       "the countdown to reveal the answer")


def workbench_app(kata_slug: str = "two_sum", draft: str | None = None, limits=None):
    kata = next(k for k in library().katas if k.slug == kata_slug)
    if limits is not None:
        kata = replace(kata, limits=replace(kata.limits, **limits))
    if draft is not None:
        from coach.practice.drafts import draft_path

        path = draft_path(kata)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(draft)
    return make(mode="kata", kata=kata), kata


def summary(app) -> str:
    """The workbench's results line, even under the rating dialog a first pass opens."""
    bench = next(s for s in reversed(app.screen_stack) if isinstance(s, WorkbenchScreen))
    return str(bench.query_one("#results-summary", Static).render())


def summary_and_detail(app) -> str:
    """The results line and the detail under it: what a failed wait should print."""
    bench = next(s for s in reversed(app.screen_stack) if isinstance(s, WorkbenchScreen))
    return f"{summary(app)} / {bench.query_one('#results-detail-text', Static).render()}"


async def test_ctrl_r_on_the_reference_solution_passes_everything():
    app, kata = workbench_app(draft=None)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        screen.editor.load_text(kata.solution_path.read_text())
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run to finish")
        assert "All 11 tests passed" in summary(app)
        table = screen.query_one("#results-table", DataTable)
        assert table.row_count == 11
        assert app.saved() and app.store.kata_summary()["two_sum"]["passes"] == 1


async def test_an_infinite_loop_leaves_the_ui_responsive_and_ends_in_a_timeout():
    loop = "def two_sum(nums, target):\n    while True:\n        pass\n"
    app, _ = workbench_app(draft=loop, limits={"time": 5})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "Running" in summary(app), what="the run to start")
        await pilot.press("ctrl+g")  # the UI answers while the tests run
        assert "Hint 1/" in markdown_of(app, "#hints")
        assert "Running" in summary(app), "the hint showed while the looping run was still going"
        await wait_for(pilot, lambda: "timed out" in summary(app), 30, "the timeout")
        assert "timed out after 5 s, the whole run's limit, in test_" in summary(app)
        table = app.screen.query_one("#results-table", DataTable)
        assert str(table.get_cell("test_example", "mark")) == "!"


async def test_a_second_ctrl_r_cancels_and_restarts():
    loop = "def two_sum(nums, target):\n    while True:\n        pass\n"
    app, kata = workbench_app(draft=loop, limits={"time": 120})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "Running" in summary(app), what="the first run")
        app.screen.editor.load_text(kata.solution_path.read_text())
        await pilot.press("ctrl+r")
        # The looping run would hold the worker for 120 s: passing well before that means
        # it was cancelled, not waited for.
        await wait_for(pilot, lambda: "passed" in summary(app), 60, "the second run", shows=lambda: summary_and_detail(app))
        assert "All 11 tests passed" in summary(app)


async def test_hints_come_one_at_a_time():
    app, kata = workbench_app()
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#hints").display
        await pilot.press("ctrl+g")
        hints = markdown_of(app, "#hints")
        assert app.screen.query_one("#hints").display
        assert f"Hint 1/{len(kata.hints)}" in hints and "Hint 2/" not in hints
        await pilot.press("ctrl+g")
        assert f"Hint 2/{len(kata.hints)}" in markdown_of(app, "#hints")


async def test_watch_mode_reruns_after_an_outside_save():
    app, kata = workbench_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.pause(0.5)
        screen.draft.path.write_text(kata.solution_path.read_text())
        await wait_for(pilot, lambda: "passed" in summary(app), what="the watcher to rerun the tests")
        assert "All 11 tests passed" in summary(app)
        assert screen.editor.text == kata.solution_path.read_text()


async def test_drafts_are_saved_on_leaving_and_come_back():
    app, kata = workbench_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.editor.load_text("# my work in progress\n")
        await pilot.press("escape", "escape")  # leave the editor, then the screen
        assert app.saved() and app.store.draft("two_sum") == "# my work in progress\n"
    again, _ = workbench_app()
    async with again.run_test(size=SIZE):
        assert again.screen.editor.text == "# my work in progress\n"


async def test_show_solution_and_reset_ask_first():
    app, kata = workbench_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.editor.load_text("mine = 1\n")
        await pilot.press("ctrl+t", "n")
        assert app.screen.editor.text == "mine = 1\n"
        await pilot.press("ctrl+t", "y")
        assert app.screen.editor.text == kata.starter()
        await pilot.press("ctrl+l", "y")
        assert "Reference solution" in text_of(app, "#solution-title")
        await pilot.press("escape")
        assert isinstance(app.screen, WorkbenchScreen)


async def test_external_editor_round_trip(monkeypatch, tmp_path):
    script = tmp_path / "fake-editor"
    script.write_text("#!/bin/sh\nprintf 'edited = True\\n' > \"$1\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(script))
    app, _ = workbench_app()
    # A headless test app cannot hand the terminal over; the editor still runs.
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)
        assert app.screen.editor.text == "edited = True\n"


async def test_kata_list_filters_as_you_type_and_opens():
    app = make(mode="kata")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press(*"limiter")
        assert table.row_count == 1
        await pilot.press("enter")
        assert isinstance(app.screen, WorkbenchScreen) and app.screen.kata.slug == "rate_limiter"


async def test_command_palette_opens_a_kata_and_drills_a_topic():
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Open kata: Two")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkbenchScreen), 5, "the workbench")
        assert app.screen.kata.slug == "two_sum"
        await pilot.press("escape", "escape", "ctrl+p")
        await pilot.press(*"Drill topic: FastAPI")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RapidScreen), 5, "rapid fire")
        assert app.screen.question.id == "api-depends"


async def test_stats_screen_lists_topics_and_katas():
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        from coach.practice.katasched import Evidence, SessionRecord, record_session

        with Store.open() as store:
            store.record_attempt("two_sum", "pass", 11, 11, 95_000.0, at=NOON - 5)
            record_session(store, SessionRecord("two_sum", NOON - 100, NOON - 5, Evidence(1, 1, 0, 0, False, 95_000.0),
                                                timed=True, rating=4))
        await pilot.press("s")
        mastery = text_of(app, "#mastery")
        assert "Python" in mastery and "FastAPI" in mastery
        table = app.screen.query_one("#kata-table", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["Two Sum", "easy", "solved", "1", "1:35", "in 8d"] in rows


async def test_the_chosen_theme_is_remembered():
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    again = make()
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_an_exercism_exercise_opens_in_the_workbench(tmp_path):
    from coach.content.library import resolve_kata
    from tests.exercism.test_exercism import LEAP_TESTS, exercise

    folder = exercise(tmp_path, "leap", stub="def leap_year(year):\n    pass\n",
                      example="def leap_year(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)\n",
                      tests=LEAP_TESTS)
    app = make(mode="kata", kata=resolve_kata(str(folder)))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        assert screen.editor.text == "def leap_year(year):\n    pass\n"
        screen.editor.load_text((folder / ".meta" / "example.py").read_text())
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run to finish")
        assert "All 4 tests passed" in summary(app)


async def test_hints_show_code_as_written():
    """two_sum's third hint holds ``seen[n] = i``: it is shown exactly, brackets and all."""
    from tests.tui.screen import region_text

    app, kata = workbench_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("ctrl+g", "ctrl+g", "ctrl+g")
        await pilot.pause()
        shown = region_text(app, "#readme-pane")
        assert "seen[n] = i" in shown and "[seen[target - n], i]" in shown


async def test_home_left_open_follows_the_clock(monkeypatch):
    """Cards fall due while home is on screen (a tab left open, coach serve): the counts follow."""
    from coach.practice.scheduler import GOOD, Drill
    from coach.practice.store import Store
    from coach.tui.app import make_app
    from coach.tui.screens import home
    from tests.tui.helpers import NOON, library

    lib = library()
    with Store.open() as store:
        drill = Drill(store, lib.questions, clock=lambda: NOON - 60)
        drill.rate(drill.next(), GOOD)  # back in minutes: a learning step
    monkeypatch.setattr(home, "REFRESH_SECONDS", 0.2)
    now = [NOON]
    app = make_app(library=lib, mode="home", clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "0 due now" in text_of(app, "#today"), what="the first counts")
        now[0] = NOON + 3600
        await wait_for(pilot, lambda: "1 due now" in text_of(app, "#today"), 10, what="the counts to follow the clock",
                       shows=lambda: text_of(app, "#today"))
