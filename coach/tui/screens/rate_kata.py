"""The rating a kata session ends in: derived from the evidence, shown, changeable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from coach.practice.attempts import minutes
from coach.practice.katasched import Evidence, interval_label, suggest
from coach.practice.scheduler import RATING_NAMES
from coach.tui.screens.base import CoachModal
from coach.tui.text import plain, template

SKIP = 0  # dismissed with this: leave without a rating (only when leaving)


class RateKataScreen(CoachModal[int | None]):
    """Dismisses with the rating to save (1-4), None to go back to the kata, or
    :data:`SKIP` (leaving only) to leave without rating."""

    CSS_PATH = "rate_kata.tcss"
    BINDINGS = [
        Binding("1", "rate(1)", "Again"),
        Binding("2", "rate(2)", "Hard"),
        Binding("3", "rate(3)", "Good"),
        Binding("4", "rate(4)", "Easy"),
        Binding("enter", "accept", "Save the suggestion"),
        Binding("n", "skip", "Leave without rating"),
        Binding("escape", "close", "Back to the kata"),
    ]

    def __init__(self, title: str, evidence: Evidence, intervals: dict[int, float], *, leaving: bool) -> None:
        super().__init__()
        self.kata_title = title
        self.evidence = evidence
        self.intervals = intervals  # rating -> seconds until due again
        self.leaving = leaving
        self.suggested = suggest(evidence)

    def compose(self) -> ComposeResult:
        e = self.evidence
        if e.passed:
            heading = f"Solved {self.kata_title} in {minutes(e.first_pass_ms)}"
        else:
            heading = f"Leaving {self.kata_title} unsolved"
        with Vertical(id="rate-kata", classes="panel"):
            yield Static(plain(heading).stylize("bold"), id="rate-heading")
            yield Static(template("$evidence ([b]$tries[/] tr$ies, $runs run$s)", evidence=e.describe(),
                                  tries=e.tries, ies="y" if e.tries == 1 else "ies", runs=e.runs,
                                  s="" if e.runs == 1 else "s"), id="rate-evidence")
            yield Static(template("Suggested: [b]$name[/], back in $when", name=RATING_NAMES[self.suggested],
                                  when=interval_label(self.intervals[self.suggested])), id="rate-suggested")
            for rating, name in RATING_NAMES.items():
                line = template("[b]$key[/] $name · $when", key=rating, name=f"{name:<5}",
                                when=interval_label(self.intervals[rating]))
                yield Static(line, classes="rate-choice" + (" -suggested" if rating == self.suggested else ""))
            keys = "enter saves the suggestion · 1-4 save another · escape: back to the kata"
            if self.leaving:
                keys += " · n: leave unrated"
            else:
                keys += " (rate when you leave)"
            yield Static(keys, id="rate-keys", classes="muted")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.leaving if action == "skip" else True

    def action_rate(self, rating: int) -> None:
        self.dismiss(rating)

    def action_accept(self) -> None:
        self.dismiss(self.suggested)

    def action_skip(self) -> None:
        self.dismiss(SKIP)

    def action_close(self) -> None:
        self.dismiss(None)
