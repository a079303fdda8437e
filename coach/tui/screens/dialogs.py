"""Small modal screens: a yes/no question, and the reference solution."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.tui.screens.base import CoachModal
from coach.tui.text import plain, template
from coach.tui.widgets.editor import CodeEditor


class ConfirmScreen(CoachModal[bool]):
    """Dismisses with True for yes, False for no."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="panel"):
            yield Static(plain(self.question).stylize("bold"), id="dialog-question")
            if self.detail:
                yield Static(plain(self.detail), classes="muted")
            with Horizontal(id="dialog-buttons"):
                yield Button("Yes (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SolutionScreen(CoachModal[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,q", "close", "Close")]

    def __init__(self, title: str, code: str) -> None:
        super().__init__()
        self.title_text = title
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="solution", classes="panel"):
            yield Static(template("[b]Reference solution: $title[/]  [dim](escape closes)[/]", title=self.title_text),
                         id="solution-title")
            yield CodeEditor.for_python(self.code, read_only=True, id="solution-code")

    def action_close(self) -> None:
        self.dismiss(None)
