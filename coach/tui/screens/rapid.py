"""Rapid fire: one card at a time; reveal or type, then rate."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Markdown, ProgressBar, Static

from coach.content.models import Question
from coach.practice.queue import Filters
from coach.practice.scoring import prepare as prepare_scoring
from coach.practice.scoring import score_question, warm_up
from coach.tui.widgets.keywords import KeywordFeedback

ASKING, TYPING, REVEALED = "asking", "typing", "revealed"


class RapidScreen(Screen):
    CSS_PATH = "rapid.tcss"
    BINDINGS = [
        Binding("space", "reveal", "Reveal"),
        Binding("enter", "type_or_accept", "Type answer"),
        Binding("t", "type", "Type", show=False),
        Binding("1", "rate(1)", "Again"),
        Binding("2", "rate(2)", "Hard"),
        Binding("3", "rate(3)", "Good"),
        Binding("4", "rate(4)", "Easy"),
        Binding("escape", "finish", "End session"),
    ]

    stage: reactive[str] = reactive(ASKING)
    remaining: reactive[int] = reactive(0)

    def __init__(self, *, topic: str | None = None, level: str | None = None, tag: str | None = None,
                 count: int | None = None, cram: bool = False, timer: float | None = None) -> None:
        super().__init__()
        self.filters = Filters(topic=topic, tag=tag, level=level)
        self.limit = count
        self.cram = cram
        self.seconds = timer
        self.question: Question | None = None
        self.shown_at = 0.0
        self.typed_score = None
        self.ratings: list[int] = []
        self.typed_scores: list[float] = []
        self._countdown: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="status"):
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="meta")
            yield Static(id="timer")
        with VerticalScroll(id="card", classes="panel"):
            yield Markdown(id="question")
            yield Input(placeholder="Type your answer; enter checks it against the key ideas",
                        id="typed", classes="hidden")
            yield KeywordFeedback(id="feedback", classes="hidden")
            yield Markdown(id="answer", classes="hidden")
        yield Static(id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        from coach.practice.scheduler import Drill

        app = self.app
        self.drill = Drill(app.store, app.questions, filters=self.filters,  # type: ignore[attr-defined]
                           cram=self.cram, clock=app.clock)  # type: ignore[attr-defined]
        planned = len(self.drill) if self.limit is None else min(self.limit, len(self.drill))
        self.query_one("#progress", ProgressBar).update(total=max(planned, 1), progress=0)
        if self.seconds:
            self._countdown = self.set_interval(1, self._tick, pause=True)
        warm_up()  # the meaning model loads in the background while the first card is read
        self.next_card()

    # -- flow -------------------------------------------------------------------
    def next_card(self) -> None:
        done = self.limit is not None and len(self.ratings) >= self.limit
        self.question = None if done else self.drill.next()
        if self.question is None:
            self.action_finish()
            return
        q = self.question
        prepare_scoring(q)
        self.query_one("#question", Markdown).update(f"## {q.question}")
        self.query_one("#answer", Markdown).update(self._answer_markdown(q))
        due, new = self.drill.counts()
        self.query_one("#meta", Static).update(f"{q.deck} · {q.level} · {due} due, {new} new left")
        typed = self.query_one("#typed", Input)
        typed.value = ""
        self.typed_score = None
        self.stage = ASKING
        self.shown_at = time.monotonic()
        self.query_one("#card").scroll_home(animate=False)
        if self._countdown is not None:
            self.remaining = int(self.seconds)
            self._countdown.reset()
            self._countdown.resume()

    @staticmethod
    def _answer_markdown(q: Question) -> str:
        parts = ["---", q.answer]
        if q.pitfall:
            parts.append(f"> **Pitfall.** {q.pitfall}")
        if q.follow_ups:
            parts.append("**Follow-ups:** " + " · ".join(q.follow_ups))
        return "\n\n".join(parts)

    def watch_stage(self, stage: str) -> None:
        self.query_one("#typed").set_class(stage != TYPING, "hidden")
        self.query_one("#answer").set_class(stage != REVEALED, "hidden")
        self.query_one("#feedback").set_class(stage != REVEALED or self.typed_score is None, "hidden")
        prompts = {
            ASKING: "[b]space[/] reveal the answer   [b]enter[/] type your answer first",
            TYPING: "[b]enter[/] check your answer   [b]escape[/] back to the question",
            REVEALED: "rate yourself:  [b]1[/] Again   [b]2[/] Hard   [b]3[/] Good   [b]4[/] Easy",
        }
        self.query_one("#prompt", Static).update(prompts[stage])
        if stage == TYPING:
            self.query_one("#typed", Input).focus()
        elif self.focused is not None:
            self.set_focus(None)
        self.refresh_bindings()

    def watch_remaining(self, remaining: int) -> None:
        if self.seconds:
            self.query_one("#timer", Static).update(f"⏱ {remaining}s")
            self.query_one("#timer").set_class(remaining <= 5, "urgent")

    def _tick(self) -> None:
        if self.stage == REVEALED:
            return
        self.remaining = max(0, self.remaining - 1)
        if self.remaining == 0:
            self._reveal(time_up=True)

    def _reveal(self, time_up: bool = False) -> None:
        if self.stage == TYPING:
            typed = self.query_one("#typed", Input).value
            if typed.strip():
                self._score(typed)
        self.stage = REVEALED
        if self._countdown is not None:
            self._countdown.pause()
        if time_up:
            self.notify("Time is up.", timeout=2)

    def _score(self, typed: str) -> None:
        assert self.question is not None
        result = score_question(typed, self.question)
        self.typed_score = result
        self.query_one("#feedback", KeywordFeedback).show(typed, result)

    # -- actions ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":
            return True if self.stage == REVEALED else None
        if action in ("reveal", "type"):
            return self.stage == ASKING
        if action == "type_or_accept":
            return self.stage == ASKING or (self.stage == REVEALED and self.typed_score is not None)
        return True

    def action_reveal(self) -> None:
        if self.stage == ASKING:
            self._reveal()

    def action_type(self) -> None:
        if self.stage == ASKING:
            self.stage = TYPING

    def action_type_or_accept(self) -> None:
        if self.stage == ASKING:
            self.stage = TYPING
        elif self.stage == REVEALED and self.typed_score is not None:
            if self.typed_score.preselect is None:
                self.notify("Mixed evidence: compare with the model answer, then press 1-4.", timeout=3)
                return
            self.action_rate(self.typed_score.preselect)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._reveal()

    def action_rate(self, rating: int) -> None:
        if self.stage != REVEALED or self.question is None:
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        ratio = self.typed_score.ratio if self.typed_score is not None else None
        self.drill.rate(self.question, rating, duration_ms=duration, score=ratio)
        self.ratings.append(rating)
        if ratio is not None:
            self.typed_scores.append(ratio)
        left = len(self.drill)
        if self.limit is not None:
            left = min(left, self.limit - len(self.ratings))
        self.query_one("#progress", ProgressBar).update(total=max(1, len(self.ratings) + left),
                                                          progress=len(self.ratings))
        self.next_card()

    def action_finish(self) -> None:
        from coach.tui.screens.summary import SummaryScreen

        if self.stage == TYPING:  # escape while typing: back to the question
            self.stage = ASKING
            return
        if self._countdown is not None:
            self._countdown.stop()
        self.app.switch_screen(SummaryScreen(self.ratings, self.typed_scores, self.cram))
