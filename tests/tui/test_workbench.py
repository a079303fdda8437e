"""The workbench as a user works in it: editing, runs, results, focus, no stale state."""

from __future__ import annotations

import contextlib

import pytest
from textual.widgets import DataTable, Static

from coach.tui.widgets.editor import next_indent
from tests.tui.helpers import wait_for
from tests.tui.test_flows import SIZE, summary, workbench_app


def status(app) -> str:
    """The draft's status line, even under the rating dialog a first pass opens."""
    from coach.tui.screens.workbench import WorkbenchScreen

    bench = next(s for s in reversed(app.screen_stack) if isinstance(s, WorkbenchScreen))
    return str(bench.query_one("#draft-status", Static).render())


def test_the_editor_indents_like_a_python_editor():
    assert next_indent("def f(x):") == "    "
    assert next_indent("    if x:  # a comment") == "        "
    assert next_indent("        return x") == "    "
    assert next_indent("    pass") == ""
    assert next_indent("    raise ValueError('x:')") == ""
    assert next_indent("        x = 1") == "        "


async def test_typing_keeps_and_deepens_the_indent_and_ctrl_home_end_move():
    app, _ = workbench_app(draft="")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"def f(x):", "enter", *"if x:", "enter", *"return 1", "enter", *"y = 2")
        assert app.screen.editor.text == "def f(x):\n    if x:\n        return 1\n    y = 2"
        await pilot.press("ctrl+home")
        assert app.screen.editor.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        assert app.screen.editor.cursor_location == (3, 9)


async def test_results_name_columns_lead_with_the_e_lines_and_show_the_first_failure():
    wrong = "def two_sum(nums, target):\n    return [0, 0]\n"
    app, _ = workbench_app(draft=wrong)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run")
        table = app.screen.query_one("#results-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [" ", "test", "ms"]
        first_failure = next(i for i in range(table.row_count) if str(table.get_cell_at((i, 0))) != "✓")
        assert table.cursor_row == first_failure
        detail = str(app.screen.query_one("#results-detail-text", Static).render())
        assert detail.splitlines()[1].startswith("E ")
        assert detail.index("E ") < detail.index("traceback:")


async def test_f3_gives_the_results_the_whole_pane_and_f4_moves_focus():
    app, _ = workbench_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run")
        assert screen.focused is screen.editor
        await pilot.press("f4")
        assert screen.focused is screen.query_one("#readme-pane")
        await pilot.press("f4")
        assert screen.focused is screen.query_one("#results-table")
        await pilot.press("f4")
        assert screen.focused is screen.editor
        await pilot.press("f3")
        assert not screen.editor.display
        assert screen.query_one("#results").region.height > 15
        await pilot.press("f3")
        assert screen.editor.display


async def test_reset_clears_the_results():
    app, kata = workbench_app(draft="def two_sum(nums, target):\n    return None\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run")
        await pilot.press("ctrl+t", "y")
        assert app.screen.editor.text == kata.starter()
        assert app.screen.query_one("#results-table", DataTable).row_count == 0
        assert "ctrl+r" in summary(app)


async def test_a_running_run_ticks_and_ctrl_c_cancels_it():
    loop = "def two_sum(nums, target):\n    while True:\n        pass\n"
    app, _ = workbench_app(draft=loop, limits={"time": 8})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: " s " in summary(app) and "Running" in summary(app), what="the ticking run")
        await pilot.press("ctrl+c")
        assert "cancelled" in summary(app).lower()
        assert app.screen.stage == "editing"


async def test_a_draft_deleted_behind_coachs_back_is_written_again_on_save():
    app, _ = workbench_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.draft.path.unlink()
        await pilot.press("ctrl+s")
        assert screen.draft.path.read_text() == screen.editor.text
        assert "saved" in status(app)


async def test_typing_is_saved_shortly_after_it_stops():
    app, _ = workbench_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("ctrl+end", "enter", *"# note")
        assert "not saved yet" in status(app)
        await wait_for(pilot, lambda: "autosaved" in status(app), 5, "the autosave")
        assert screen.draft.path.read_text().endswith("# note")


async def test_returning_from_the_editor_with_changes_runs_the_tests(monkeypatch, tmp_path):
    app, kata = workbench_app()
    script = tmp_path / "fake-editor"
    script.write_text(f"#!/bin/sh\ncp '{kata.solution_path}' \"$1\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert "reloaded after your editor closed" in status(app)
        await wait_for(pilot, lambda: "All 11 tests passed" in summary(app), what="the run after the editor")


async def test_a_suite_that_does_not_parse_shows_in_the_results_and_the_app_stays_up(tmp_path):
    import shutil
    from dataclasses import replace

    app, kata = workbench_app()
    broken = tmp_path / "two_sum"
    shutil.copytree(kata.path, broken)
    (broken / "test_two_sum.py").write_text("def test_x(:\n    pass\n")
    app.start_kata = replace(kata, path=broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        app.open_kata(app.start_kata)
        await pilot.pause()
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "could not be run" in summary(app), what="the error in the panel")
        detail = str(app.screen.query_one("#results-detail-text", Static).render())
        assert "does not parse" in detail
        assert app.is_running


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_with_many_failing_tests_the_first_failure_is_still_shown(size):
    """A long result list scrolls; it never pushes the failure detail out of the panel."""
    from tests.tui.screen import region_text

    app, kata = workbench_app("rate_limiter", draft=None)
    async with app.run_test(size=size) as pilot:
        app.screen.editor.load_text(kata.starter())
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "failed" in summary(app), 60, what="the run")
        await pilot.pause()
        panel, detail = app.screen.query_one("#results").region, app.screen.query_one("#results-detail").region
        assert detail.height >= 3 and panel.contains_region(detail), (panel, detail)
        assert "E   NotImplementedError" in region_text(app, "#results-detail")
