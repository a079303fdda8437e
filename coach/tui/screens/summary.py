"""The end of a rapid-fire session: what you did and when to come back."""

from __future__ import annotations

import time
from collections import Counter

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from coach.tui.widgets.keywords import RATING_NAMES


def when(seconds: float) -> str:
    if seconds <= 60:
        return "now"
    if seconds < 3600:
        return f"in {round(seconds / 60)} min"
    if seconds < 86_400:
        return f"in {seconds / 3600:.1f} h"
    return f"in {round(seconds / 86_400)} days"


class SummaryScreen(Screen):
    CSS_PATH = "summary.tcss"
    BINDINGS = [Binding("escape,enter,q", "done", "Back home")]

    def __init__(self, ratings: list[int], typed_scores: list[float], cram: bool) -> None:
        super().__init__()
        self.ratings = ratings
        self.typed_scores = typed_scores
        self.cram = cram

    def compose(self) -> ComposeResult:
        yield Header()
        with Center():
            with Vertical(id="summary", classes="panel"):
                yield Static("Session summary", id="summary-title")
                yield Static(self._text(), id="summary-body")
        yield Footer()

    def _text(self) -> str:
        if not self.ratings:
            return ("Nothing to review right now: no cards are due and today's new cards are done.\n"
                    "Come back later, or drill anyway with [b]coach rapid --cram[/].")
        counts = Counter(self.ratings)
        lines = [f"Reviewed [b]{len(self.ratings)}[/] card{'s' if len(self.ratings) != 1 else ''}"
                 + (" (cram: the schedule was left as it was)" if self.cram else ""),
                 "   ".join(f"{RATING_NAMES[r]} [b]{counts.get(r, 0)}[/]" for r in (1, 2, 3, 4))]
        if self.typed_scores:
            mean = sum(self.typed_scores) / len(self.typed_scores)
            lines.append(f"Typed answers: {len(self.typed_scores)}, key ideas hit [b]{mean:.0%}[/]")
        store = self.app.store  # type: ignore[attr-defined]
        row = store.conn.execute("SELECT MIN(due) FROM cards").fetchone()
        if row and row[0] is not None:
            at = time.strftime("%a %H:%M", time.localtime(row[0]))
            lines.append(f"Next card due {when(row[0] - self.app.clock())} ({at})")  # type: ignore[attr-defined]
        return "\n".join(lines)

    def action_done(self) -> None:
        self.app.pop_screen()
