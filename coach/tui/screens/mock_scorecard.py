"""The end of a mock interview: per-round scores and how, the verdict, what to practise."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Markdown, Static

from coach.practice.mock.markdown import render
from coach.practice.mock.scorecard import Scorecard, clock
from coach.tui.screens.base import CoachScreen
from coach.tui.text import template


def _percent(score: float | None) -> str:
    return "  -" if score is None else f"{score:4.0%}"


class MockScorecardScreen(CoachScreen):
    CSS_PATH = "mock_scorecard.tcss"
    BINDINGS = [
        Binding("v", "answers", "Answers", tooltip="your answers beside the model answers, and your code"),
        Binding("escape,enter,q", "done", "Back home"),
    ]

    def __init__(self, card: Scorecard, mock_id: int | None = None) -> None:
        super().__init__()
        self.card = card
        self.mock_id = mock_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="scorecard"):
            yield Static(self.title_line(), id="scorecard-title")
            yield Static(self.verdict_line(), id="scorecard-verdict")
            yield Static(self.rounds_lines(), id="scorecard-rounds")
            yield Static("Practise next", classes="scorecard-section")
            yield Static(self.focus_lines(), id="scorecard-focus")
            yield Static("How each round was scored", classes="scorecard-section")
            yield Static(self.how_lines(), id="scorecard-how", classes="muted")
            yield Static(self.saved_line(), id="scorecard-saved", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Mock interview scorecard"
        if self.mock_id is None:
            self._wait_for_saving()

    @work(thread=True, exit_on_error=False)
    def _wait_for_saving(self) -> None:
        """The mock's number once the write queue has stored it (off the UI thread: it waits)."""
        if self.app.saved(timeout=10):
            self.app.call_from_thread(self._numbered)

    def _numbered(self) -> None:
        from coach.practice.mock import db

        self.mock_id = db.mock_id(self.app.store, self.card.record.started_at)
        self.query_one("#scorecard-saved", Static).update(self.saved_line())

    def title_line(self) -> Content:
        record = self.card.record
        o = record.plan.options
        state = "partial" if record.partial else "finished"
        return template("Scorecard · $state   [dim]$track · $level · $minutes min · took $took[/]", state=state,
                        track=o.track, level=o.level, minutes=o.minutes, took=clock(record.duration))

    def verdict_line(self) -> Content:
        card = self.card
        overall = "" if card.overall is None else f"{card.overall:.0%}"
        return template("[b]$overall[/]  $verdict", overall=overall, verdict=card.verdict)

    def rounds_lines(self) -> Content:
        lines = []
        for r in self.card.rounds:
            lines.append(template("[b]$title[/] $score  $summary  [dim]$state[/]", title=f"{r.title:<9}",
                                  score=_percent(r.score), summary=r.summary,
                                  state="" if r.state == r.summary else f"({r.state})"))
        return Content("\n").join(lines)

    def how_lines(self) -> Content:
        return Content("\n").join(template("$title: $how", title=r.title, how=r.how) for r in self.card.rounds)

    def focus_lines(self) -> Content:
        if not self.card.weakest:
            return Content("No weak area this time: every area scored 80% or more.")
        lines = []
        for i, focus in enumerate(self.card.weakest, 1):
            what = "; ".join(part for part in (
                f"cards {', '.join(focus.cards)}" if focus.cards else "",
                f"katas {', '.join(focus.katas)}" if focus.katas else "") if part)
            lines.append(template("$n. [b]$title[/] $score  $what", n=i, title=focus.title,
                                  score=f"({focus.score:.0%})", what=what))
        return Content("\n").join(lines)

    def saved_line(self) -> Content:
        if self.mock_id is None:
            return Content("Saving…  v shows your answers beside the model answers.")
        return template("Saved as mock $id: coach mock --export card.md --id $id writes it as Markdown.",
                        id=self.mock_id)

    def action_answers(self) -> None:
        self.app.push_screen(AnswersScreen(render(self.card)))

    def action_done(self) -> None:
        self.app.pop_screen()


class AnswersScreen(CoachScreen):
    """The scorecard as the Markdown export shows it: questions, your answers, model answers, code.

    A full screen, not a dialog: a dialog lets the scorecard's own scrollbar show through beside
    this one. Fenced text wraps (the export fences answers and code), so nothing is cut off at
    the right edge, and only ``#answers`` scrolls.
    """

    BINDINGS = [Binding("escape,q", "close", "Close")]
    DEFAULT_CSS = """
    AnswersScreen #answers { height: 1fr; padding: 0 1; }
    AnswersScreen MarkdownFence { overflow: hidden hidden; }
    AnswersScreen MarkdownFence > Label { width: 1fr; }
    """

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="answers"):
            yield Markdown(self.markdown)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Mock interview: your answers and the model answers"
        self.query_one("#answers").focus()

    def action_close(self) -> None:
        self.app.pop_screen()
