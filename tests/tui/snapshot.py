"""``snap_compare``: the layout of a screen as an SVG, compared with a saved one (syrupy).

The same call as pytest-textual-snapshot's, which pins pytest below 9:
``snap_compare(app, terminal_size=(w, h), press=[...], run_before=...)``. The
app runs headless at that size (``App.run_test``), ``run_before(pilot)`` runs
(it may be async), the keys are pressed, and Textual's own SVG export is
compared with ``__snapshots__/<test module>/<test name>.svg``. Refresh them with
``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import TextArea


class SVGSnapshot(SingleFileSnapshotExtension):
    file_extension = "svg"
    _write_mode = WriteMode.TEXT


async def _screenshot(app: App, size: tuple[int, int], press: Iterable[str],
                      run_before: Callable[[Pilot], Awaitable[None] | None] | None) -> str:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if run_before is not None:
            result = run_before(pilot)
            if inspect.isawaitable(result):
                await result
        keys = list(press)
        if keys:
            await pilot.press(*keys)
        await pilot.wait_for_scheduled_animations()
        for area in app.screen.query(TextArea):  # a blinking cursor would make the picture depend on timing
            area.cursor_blink = False
        await pilot.pause()
        return app.export_screenshot()


@pytest.fixture
def snap_compare(snapshot: Any) -> Callable[..., bool]:
    svg_snapshot = snapshot.use_extension(SVGSnapshot)

    def compare(app: App, terminal_size: tuple[int, int] = (80, 24), press: Iterable[str] = (),
                run_before: Callable[[Pilot], Awaitable[None] | None] | None = None) -> bool:
        svg = asyncio.run(_screenshot(app, terminal_size, press, run_before))
        # Rich names the SVG's classes after a hash of the whole export; without it a
        # change shows as the lines that changed, not as every line of the file
        svg = re.sub(r"terminal-\d+-", "terminal-", svg)
        return bool(svg_snapshot == svg)

    return compare
