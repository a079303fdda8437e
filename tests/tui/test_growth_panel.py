"""Pilot test: a failed time budget is followed by how the solution grows, in the results panel."""

from __future__ import annotations

from textual.widgets import Static

from coach.tui.widgets.results import ResultsPanel
from tests.tui.helpers import wait_for
from tests.tui.test_flows import SIZE, summary, workbench_app

NESTED = """\
def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return None
"""


def detail(app) -> str:
    return str(app.screen.query_one("#results-detail-text", Static).render())


async def test_a_quadratic_two_sum_is_told_it_grows_like_n_squared():
    app, _ = workbench_app(draft=NESTED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "1 error" in summary(app), 15, "the run to finish")
        assert "test_linear_time" in detail(app)
        await wait_for(pilot, lambda: "grows like" in detail(app), 15, "the growth report")
        text = detail(app)
        assert "growth: grows like n² (reference: n" in text
        panel = app.screen.query_one(ResultsPanel)
        assert set(panel.growth_reports) == {"test_linear_time"}
