"""The home screen: what is due, what is solved, and the modes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Footer, Header, Static

from coach.tui.keys import bindings, key_label
from coach.tui.screens.base import CoachScreen
from coach.tui.text import template


class HomeScreen(CoachScreen):
    CSS_PATH = "home.tcss"
    # The menu on screen is these bindings: description is the footer label,
    # tooltip the menu's explanation.
    BINDINGS = [
        Binding("r", "rapid", "Rapid fire", tooltip="drill what is due, then new cards"),
        Binding("k", "katas", "Katas", tooltip="coding problems, graded by their pytest suites"),
        Binding("m", "mock", "Mock", tooltip="a timed mock interview with a scorecard"),
        Binding("s", "stats", "Stats", tooltip="mastery per topic, reviews, solved katas"),
        Binding("question_mark", "app.help", "Help", key_display="?", tooltip="every key, screen by screen"),
        Binding("q", "app.quit", "Quit", tooltip="leave coach (progress is saved as you go)"),
    ]

    counted = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="home"):
            yield Static("coach", id="home-title")
            yield Static("interview practice for Python and FastAPI", id="home-tagline")
            yield Static(id="today")
            for binding in bindings(self.BINDINGS):
                yield Static(template("[b]$key[/]  $name  [dim]$text[/]", key=key_label(binding),
                                      name=f"{binding.description:<11}", text=binding.tooltip),
                             classes="mode")
        yield Footer()

    def on_mount(self) -> None:
        # Draw first; the counts need the content and the progress file (opened off the UI thread).
        self.call_after_refresh(self.app.when_store_ready, self.refresh_counts)

    def on_screen_resume(self) -> None:
        if self.counted:  # not the first showing: on_mount's timer does that one
            self.refresh_counts()

    def refresh_counts(self) -> None:
        from coach.practice.queue import plan, streak

        self.counted = True
        app = self.app
        app.saved()
        store = app.store
        due, new = plan(store, app.questions, now=app.clock())
        solved = sum(1 for info in store.kata_summary().values() if info["passes"])
        days = streak(store, app.clock())
        self.query_one("#today", Static).update(template(
            "[b]$due[/] due   [b]$new[/] new   katas [b]$solved[/]/$katas solved   streak [b]$days[/] $unit",
            due=len(due), new=len(new), solved=solved, katas=len(app.library.katas), days=days,
            unit="day" if days == 1 else "days"))

    def action_rapid(self) -> None:
        self.app.start_drill()

    def action_katas(self) -> None:
        self.app.show_katas()

    def action_mock(self) -> None:
        self.app.start_mock()

    def action_stats(self) -> None:
        self.app.show_stats()
