"""The results panel groups a concept exercise's tests by task, as Exercism's tasks are read."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from coach.content.library import resolve_kata
from tests.exercism.test_runner_parity import FIRST, SECOND, WRONG, concept
from tests.tui.helpers import make, wait_for
from tests.tui.screen import screen_text
from tests.tui.test_flows import summary


def rows(app) -> list[tuple[str, str]]:
    table = app.screen.query_one("#results-table", DataTable)
    return [(str(table.get_cell_at((i, 0))), str(table.get_cell_at((i, 1)))) for i in range(table.row_count)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_concept_exercises_results_are_grouped_by_task(tmp_path, size):
    folder = concept(tmp_path, {"pantry_test.py": FIRST, "pantry_extra_test.py": SECOND}, WRONG)
    app = make(mode="kata", kata=resolve_kata(str(folder)))
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run")
        assert rows(app) == [
            ("✗", "Task 1  2/4 passed"),
            ("✗", "PantryTest::test_jars"),
            ("✓", "PantryTest::test_jars[variation #1, shelves=1]"),
            ("✓", "PantryTest::test_jars[variation #2, shelves=2]"),
            ("✗", "PantryTest::test_jars[variation #3, shelves=4]"),
            ("✓", "Task 2  1/1 passed"),
            ("✓", "PantryTest::test_label"),
            ("✓", "Task 3  1/1 passed"),
            ("✓", "pantry_extra_test.py::PantryExtraTest::test_no_shelves"),
        ]
        assert "4 passed, 2 failed" in summary(app)
        table = app.screen.query_one("#results-table", DataTable)
        assert table.cursor_row == 4, "the first failure is selected (the failing variation), not a task's row"
        await pilot.press("f3")  # the results take the whole pane: every row is on screen
        await pilot.pause()
        shown = screen_text(app)
        for heading in ("Task 1  2/4 passed", "Task 2  1/1 passed", "Task 3  1/1 passed"):
            assert heading in shown, shown
        # a task's row shows the task's first failure
        detail = app.screen.query_one("#results-detail-text")
        table.move_cursor(row=5)
        await pilot.pause()
        assert str(detail.render()) == "Task 2: its test passed"
        table.move_cursor(row=0)
        await pilot.pause()
        assert "0 != 12" in str(detail.render())


async def test_a_suite_without_tasks_has_no_task_rows(tmp_path):
    plain = FIRST.replace("@pytest.mark.task(taskno=1)", "").replace("@pytest.mark.task(taskno=2)", "")
    folder = concept(tmp_path, {"pantry_test.py": plain}, WRONG)
    app = make(mode="kata", kata=resolve_kata(str(folder)))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in summary(app), what="the run")
        names = [name for _, name in rows(app)]
        assert names[0] == "PantryTest::test_jars" and not any(n.startswith("Task") for n in names)
        assert len(names) == 5, "the test, its three variations and test_label"
