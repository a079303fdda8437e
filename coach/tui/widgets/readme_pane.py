"""The workbench's README pane: prose wraps, code blocks keep their lines and scroll sideways."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets.markdown import MarkdownFence

STEP = 4  # cells per left/right key press


class ReadmePane(VerticalScroll):
    """A README (and its hints) beside the editor. A code line wider than the pane is never
    wrapped (``list(batched("ABCD`` / ``EFG", 3))`` reads as different code): each code block
    that overflows shows a horizontal scrollbar, and left/right, while the pane has focus, scroll
    every such block sideways together (the mouse wheel with shift scrolls one)."""

    def fences(self) -> list[MarkdownFence]:
        return [fence for fence in self.query(MarkdownFence) if fence.max_scroll_x > 0]

    def action_scroll_left(self) -> None:
        for fence in self.fences():
            fence.scroll_relative(x=-STEP, animate=False)

    def action_scroll_right(self) -> None:
        for fence in self.fences():
            fence.scroll_relative(x=STEP, animate=False)
