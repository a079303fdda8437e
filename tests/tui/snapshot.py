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
import os
import re
import tempfile
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import TextArea

STEADY_TRIES = 40


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
            # Lines drawn while the blink was off are cached under the same key as lines without a
            # blinking cursor: drop them, or the cursor is missing whenever the blink phase was off.
            area.notify_style_update()
            area.refresh()
        # Markdown and results draw in steps of their own: on a busy machine one pause is not
        # always enough, so the picture is taken once two in a row agree.
        shot = ""
        for _ in range(STEADY_TRIES):
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            latest = app.export_screenshot()
            if latest == shot:
                break
            shot = latest
            await asyncio.sleep(0.05)
        return shot


@pytest.fixture
def snap_compare(snapshot: Any) -> Callable[..., bool]:
    svg_snapshot = snapshot.use_extension(SVGSnapshot)

    def compare(app: App, terminal_size: tuple[int, int] = (80, 24), press: Iterable[str] = (),
                run_before: Callable[[Pilot], Awaitable[None] | None] | None = None) -> bool:
        svg = asyncio.run(_screenshot(app, terminal_size, press, run_before))
        # Rich names the SVG's classes after a hash of the whole export; without it a
        # change shows as the lines that changed, not as every line of the file
        svg = re.sub(r"terminal-\d+-", "terminal-", svg)
        matched = bool(svg_snapshot == svg)
        if not matched:  # keep the picture that did not match, to look at
            seen = Path(tempfile.gettempdir()) / "coach-snapshot-mismatch"
            seen.mkdir(exist_ok=True)
            (seen / f"{os.environ.get('PYTEST_CURRENT_TEST', 'test').split(' ')[0].replace('/', '_')}.svg"
             ).write_text(svg, encoding="utf-8")
        return matched

    return compare
