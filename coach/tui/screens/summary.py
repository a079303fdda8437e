"""The end of a rapid-fire session: what you did and when to come back."""

from __future__ import annotations

import time
from collections import Counter
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Static

from coach.tui.screens.base import CoachScreen
from coach.tui.text import template
from coach.tui.widgets.keywords import RATING_NAMES

SessionEnd = Literal["finished", "ended", "no-match", "nothing-due"]


def when(seconds: float) -> str:
    if seconds <= 0:
        return "now"
    if seconds < 90:
        return "in a minute"
    if seconds < 3600:
        return f"in {round(seconds / 60)} min"
    if seconds < 86_400:
        return f"in {seconds / 3600:.1f} h"
    days = round(seconds / 86_400)
    return f"in {days} day{'s' if days != 1 else ''}"


class SummaryScreen(CoachScreen):
    CSS_PATH = "summary.tcss"
    BINDINGS = [Binding("escape,enter,q", "done", "Back home")]

    def __init__(self, ratings: list[int], typed_scores: list[float], *, cram: bool = False,
                 reason: SessionEnd = "finished", filters: str = "", next_due: float | None = None) -> None:
        super().__init__()
        self.ratings = ratings
        self.typed_scores = typed_scores
        self.cram = cram
        self.reason = reason
        self.filters = filters
        self.next_due = next_due

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="summary", classes="panel"):
            yield Static("Session summary", id="summary-title")
            yield Static(self.body(), id="summary-body")
        yield Footer()

    def body(self) -> Content:
        lines = [self._headline()]
        if self.ratings:
            counts = Counter(self.ratings)
            lines.append(Content("   ").join(template("$name [b]$n[/]", name=RATING_NAMES[r], n=counts.get(r, 0))
                                            for r in (1, 2, 3, 4)))
        if self.typed_scores:
            mean = sum(self.typed_scores) / len(self.typed_scores)
            lines.append(template("Typed answers: $n, key ideas hit [b]$share[/]",
                                  n=len(self.typed_scores), share=f"{mean:.0%}"))
        if self.next_due is not None and self.reason != "no-match":
            at = time.strftime("%a %H:%M", time.localtime(self.next_due))
            lines.append(template("Next card due $when ($at)", when=when(self.next_due - self.app.clock()), at=at))
        return Content("\n").join(lines)

    def _headline(self) -> Content:
        n = len(self.ratings)
        if n:
            return template("Reviewed [b]$n[/] $cards$cram", n=n, cards="card" if n == 1 else "cards",
                            cram=" (cram: the schedule was left as it was)" if self.cram else "")
        if self.reason == "no-match":
            return template("No card matches $filters.\nTry another filter: 'coach list questions' shows "
                            "the topics, levels and tags.", filters=self.filters or "these filters")
        if self.reason == "nothing-due":
            if self.cram:
                return Content("There are no cards to drill.")
            return template("Nothing is due$scope: no cards are due and today's new cards are done.\n"
                            "Come back later, or drill anyway with [b]coach rapid --cram[/].",
                            scope=f" for {self.filters}" if self.filters else "")
        return Content("Session ended before any card was rated: nothing was recorded.")

    def action_done(self) -> None:
        self.app.pop_screen()
