"""Small modal screens: a yes/no question, and the reference solution."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes, False for no."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="panel"):
            yield Static(f"[b]{self.question}[/]")
            if self.detail:
                yield Static(self.detail, classes="muted")
            with Horizontal(id="dialog-buttons"):
                yield Button("Yes (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SolutionScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,q", "close", "Close")]

    def __init__(self, title: str, code: str) -> None:
        super().__init__()
        self.title_text = title
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="solution", classes="panel"):
            yield Static(f"[b]Reference solution: {self.title_text}[/]  [dim](escape closes)[/]")
            try:
                yield TextArea.code_editor(self.code, language="python", read_only=True, id="solution-code")
            except Exception:
                yield TextArea.code_editor(self.code, read_only=True, id="solution-code")

    def action_close(self) -> None:
        self.dismiss(None)
