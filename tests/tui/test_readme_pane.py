"""The workbench's README pane: code blocks keep their lines and scroll sideways, never wrap."""

from __future__ import annotations

from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownFence

from coach.content.library import load_library
from coach.tui.app import make_app
from tests.tui.helpers import NOON
from tests.tui.screen import screen_text

BUNDLED = load_library(questions=False, user=False)


def bench(slug: str):
    kata = next(k for k in BUNDLED.katas if k.slug == slug)
    return make_app(library=BUNDLED, mode="kata", kata=kata, clock=lambda: NOON)


def fence_rows(app) -> list[str]:
    """The README pane's rows on screen inside its (first) code block."""
    fence = app.screen.query_one("#readme", Markdown).query_one(MarkdownFence)
    region = fence.region
    rows = screen_text(app).splitlines()[region.y: region.bottom]
    return [row[region.x: region.right].strip() for row in rows]


async def test_a_long_code_line_stays_one_line_and_scrolls_sideways_at_80_columns():
    """At 80 columns the README showed ``list(batched("ABCD`` / ``EFG", 3))      #``: other code."""
    app = bench("batched")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = fence_rows(app)
        first = next(i for i, row in enumerate(rows) if row.startswith('list(batched("ABC'))
        assert not any(row.startswith('EFG"') for row in rows)
        await pilot.press("f4")  # focus: editor -> README
        await pilot.press(*["right"] * 20)
        await pilot.pause()
        assert fence_rows(app)[first].endswith("('G',)]"), fence_rows(app)
        await pilot.press(*["left"] * 20)
        await pilot.pause()
        assert fence_rows(app)[first].startswith('list(batched("ABC')


def longest_code_line(readme: str) -> int:
    """The widest line inside the README's fenced blocks."""
    widest, inside = 0, False
    for line in readme.splitlines():
        if line.lstrip().startswith("```"):
            inside = not inside
        elif inside:
            widest = max(widest, len(line))
    return widest


async def test_the_widest_bundled_code_blocks_keep_every_line_whole_at_80_columns():
    """The five READMEs with the widest code lines (a walk of all 47 takes ten seconds)."""
    widest = sorted(BUNDLED.katas, key=lambda k: -longest_code_line(k.readme()))[:5]
    app = bench("two_sum")
    async with app.run_test(size=(80, 24)) as pilot:
        readme = app.screen.query_one("#readme", Markdown)
        for kata in widest:
            await readme.update(kata.readme())
            await pilot.pause()
            fences = list(readme.query(MarkdownFence))
            assert fences and max(fence.max_scroll_x for fence in fences) > 0, kata.slug
            for fence in fences:
                lines = fence.code.rstrip("\n").count("\n") + 1
                # the label's height: its code lines plus one row of padding above and below
                assert fence.children[0].outer_size.height == lines + 2, (kata.slug, fence.code)
