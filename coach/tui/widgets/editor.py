"""The kata editor: a Python code editor that indents the way Python editors do."""

from __future__ import annotations

import re

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea

INDENT = "    "
# A line after one of these statements is one level shallower.
_CLOSES_BLOCK = re.compile(r"^\s*(return|pass|raise|break|continue)\b")


def next_indent(line: str) -> str:
    """The indentation for a new line typed after ``line``."""
    indent = line[: len(line) - len(line.lstrip())]
    code = line.split("#", 1)[0].rstrip() if "#" in line and "'" not in line and '"' not in line else line.rstrip()
    if code.endswith(":"):
        return indent + INDENT
    if _CLOSES_BLOCK.match(line):
        return indent[: max(0, len(indent) - len(INDENT))]
    return indent


class CodeEditor(TextArea):
    """``TextArea.code_editor`` plus Python indentation on enter and document keys."""

    BINDINGS = [
        Binding("ctrl+home", "document_start", "Start of file", show=False),
        Binding("ctrl+end", "document_end", "End of file", show=False),
    ]

    @classmethod
    def for_python(cls, text: str = "", *, read_only: bool = False, id: str | None = None,
                   classes: str | None = None) -> CodeEditor:
        try:
            editor = cls.code_editor(text, language="python", read_only=read_only, id=id, classes=classes)
        except Exception:  # no Python grammar installed: plain editing still works
            editor = cls.code_editor(text, read_only=read_only, id=id, classes=classes)
        editor.indent_width = len(INDENT)
        assert isinstance(editor, CodeEditor)
        return editor

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            # Not a focus trap: TextArea's own handler (which moves focus) is skipped and
            # escape reaches the screen's bindings; f4 moves between panes.
            event.prevent_default()
            return
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            row, column = self.cursor_location
            before = self.document[row][:column]
            start, end = self.selection
            self._replace_via_keyboard("\n" + next_indent(before), start, end)
            return
        await super()._on_key(event)

    def action_document_start(self) -> None:
        self.move_cursor((0, 0))

    def action_document_end(self) -> None:
        last = self.document.line_count - 1
        self.move_cursor((last, len(self.document[last])))
