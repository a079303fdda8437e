"""The home screen: what is due, what is solved, and the modes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class HomeScreen(Screen):
    def compose(self) -> ComposeResult:
        lib = self.app.library  # type: ignore[attr-defined]
        yield Header()
        yield Static(f"coach: {len(lib.questions)} questions, {len(lib.katas)} katas", id="home-title")
        yield Footer()
