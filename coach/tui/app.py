"""The Textual app and the one factory the CLI and the tests share."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding

from coach.content.library import Library, load_library
from coach.tui.screens.home import HomeScreen


class CoachApp(App[int]):
    """coach's terminal UI."""

    CSS_PATH = "app.tcss"
    TITLE = "coach"
    SUB_TITLE = "interview practice for Python and FastAPI"
    BINDINGS = [Binding("q", "quit", "Quit", priority=False)]

    def __init__(self, *, library: Library, mode: str = "home", **options: Any) -> None:
        super().__init__()
        self.library = library
        self.mode = mode
        self.options = options

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())


def make_app(*, library: Library | None = None, mode: str = "home", **options: Any) -> CoachApp:
    """Build the app: ``mode`` is home, rapid or kata; options come from the CLI."""
    return CoachApp(library=library or load_library(), mode=mode, **options)
