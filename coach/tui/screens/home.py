"""The home screen: what is due, what is solved, and the modes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


MODES = [
    ("r", "Rapid fire", "drill what is due, then new cards"),
    ("k", "Katas", "coding problems, graded by their pytest suites"),
    ("s", "Stats", "mastery per topic, reviews, solved katas"),
    ("?", "Help", "every key, screen by screen"),
    ("q", "Quit", ""),
]


class HomeScreen(Screen):
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("r", "rapid", "Rapid fire"),
        Binding("k", "katas", "Katas"),
        Binding("s", "stats", "Stats"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Center():
            with Vertical(id="home"):
                yield Static("coach", id="home-title")
                yield Static("interview practice for Python and FastAPI", id="home-tagline")
                yield Static(id="today")
                for key, name, text in MODES:
                    yield Static(f"[b]{key}[/]  {name:<11} [dim]{text}[/]", classes="mode")
        yield Footer()

    def on_mount(self) -> None:
        # Draw first; the counts need the content and the progress file.
        self.call_after_refresh(self.refresh_counts)

    def on_screen_resume(self) -> None:
        if self.counted:  # not the first showing: on_mount's timer does that one
            self.refresh_counts()

    counted = False

    def refresh_counts(self) -> None:
        from coach.practice.queue import plan, streak

        self.counted = True
        app = self.app
        store = app.store  # type: ignore[attr-defined]
        library = app.library  # type: ignore[attr-defined]
        due, new = plan(store, app.questions, now=app.clock())  # type: ignore[attr-defined]
        solved = sum(1 for info in store.kata_summary().values() if info["passes"])
        days = streak(store, app.clock())  # type: ignore[attr-defined]
        self.query_one("#today", Static).update(
            f"[b]{len(due)}[/] due   [b]{len(new)}[/] new   "
            f"katas [b]{solved}[/]/{len(library.katas)} solved   "
            f"streak [b]{days}[/] day{'s' if days != 1 else ''}")

    def action_rapid(self) -> None:
        self.app.start_drill()  # type: ignore[attr-defined]

    def action_katas(self) -> None:
        self.app.show_katas()  # type: ignore[attr-defined]

    def action_stats(self) -> None:
        self.app.show_stats()  # type: ignore[attr-defined]
