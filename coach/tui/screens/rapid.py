"""Rapid fire: one card at a time; reveal or type, then rate (each key shows the
interval it gives); undo, suspend and bury as in Anki."""

from __future__ import annotations

import time
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, ProgressBar, Static, TextArea

from coach.content.models import Question
from coach.practice.faults import StoreError
from coach.practice.queue import Filters
from coach.practice.scheduler import RATING_NAMES, Drill, interval_label
from coach.practice.scoring import Score, score_question, warm_up
from coach.practice.scoring import prepare as prepare_scoring
from coach.tui.screens.base import CoachScreen
from coach.tui.text import template
from coach.tui.widgets.answer_compare import AnswerCompare
from coach.tui.widgets.keywords import KeywordFeedback

Stage = Literal["asking", "typing", "revealed"]
SCROLLS = {"page_down", "page_up", "down", "up", "home", "end"}
SCROLL_HELP = "scroll the card (the rating keys still work)"


def answer_markdown(q: Question) -> str:
    """The back of the card: the answer, its pitfall and the follow-ups, as Markdown."""
    parts = [q.answer]
    if q.pitfall:
        parts.append(f"> **Pitfall.** {q.pitfall}")
    if q.follow_ups:
        parts.append("**Follow-ups:**\n\n" + "\n".join(f"- {f}" for f in q.follow_ups))
    return "\n\n".join(parts)


class RapidScreen(CoachScreen):
    CSS_PATH = "rapid.tcss"
    AUTO_FOCUS = None  # the typing box takes focus only when the user types
    BINDINGS = [
        Binding("space", "reveal", "Reveal", tooltip="show the answer"),
        Binding("enter", "type", "Type answer", tooltip="type your answer first"),
        Binding("t", "type", "Type answer", show=False, tooltip="type your answer first"),
        Binding("ctrl+s", "check", "Check answer", priority=True, tooltip="check the typed answer's key ideas"),
        Binding("enter", "accept", "Accept", tooltip="rate as suggested for a typed answer"),
        # The rating keys show on the rating bar above the footer, each with the interval it gives.
        Binding("1", "rate(1)", "Again", show=False, tooltip="forgot it (the bar shows when each brings it back)"),
        Binding("2", "rate(2)", "Hard", show=False, tooltip="recalled, with effort"),
        Binding("3", "rate(3)", "Good", show=False, tooltip="recalled"),
        Binding("4", "rate(4)", "Easy", show=False, tooltip="recalled at once"),
        Binding("u", "undo", "Undo", tooltip="take back the last rating, suspension or burial"),
        Binding("s", "suspend", "Suspend", tooltip="never show this card again, until unsuspended"),
        Binding("b", "bury", "Bury", tooltip="skip this card until tomorrow"),
        Binding("pagedown", "scroll('page_down')", "Scroll", key_display="PgDn", tooltip=SCROLL_HELP),
        Binding("pageup", "scroll('page_up')", "Scroll", key_display="PgUp", show=False, tooltip=SCROLL_HELP),
        Binding("down,j", "scroll('down')", "Scroll", show=False, tooltip=SCROLL_HELP),
        Binding("up,k", "scroll('up')", "Scroll", show=False, tooltip=SCROLL_HELP),
        Binding("home", "scroll('home')", "Scroll", show=False, tooltip=SCROLL_HELP),
        Binding("end", "scroll('end')", "Scroll", show=False, tooltip=SCROLL_HELP),
        Binding("escape", "back", "Back to the question", tooltip="while typing: back, the answer unsaid"),
        Binding("escape", "finish", "End session", tooltip="stop here and see the summary"),
    ]

    stage: reactive[Stage] = reactive[Stage]("asking", bindings=True, init=False)
    remaining: reactive[int] = reactive(0)

    def __init__(self, *, topic: str | None = None, topics: tuple[str, ...] = (), level: str | None = None,
                 tag: str | None = None, count: int | None = None, cram: bool = False,
                 timer: float | None = None, new_per_day: int | None = None) -> None:
        super().__init__()
        self.filters = Filters(topic=None if topics else topic, topics=topics, tag=tag, level=level,
                               asked=topic)
        self.limit = count
        self.cram = cram
        self.seconds = timer
        self.new_per_day = new_per_day  # None: the setting (coach.settings.new_per_day)
        self.question: Question | None = None
        self.shown_at = 0.0
        self.typed_score: Score | None = None
        self.ratings: list[int] = []
        self.typed_scores: list[float] = []
        self._scored: list[bool] = []  # per rating: whether it added to typed_scores (for undo)
        self._countdown: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="status"):
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="meta")
            yield Static(id="timer")
        with VerticalScroll(id="card", classes="panel", can_focus=False):
            yield Markdown(id="question")
            typed = TextArea(id="typed", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            typed.can_focus = False
            yield typed
            yield KeywordFeedback(id="feedback")
            yield AnswerCompare(id="compare")
            yield Markdown(id="answer")
        yield Static(id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        from coach import settings

        app = self.app
        new_per_day = self.new_per_day if self.new_per_day is not None else settings.new_per_day()
        self.drill = Drill(app.store, app.questions, filters=self.filters, cram=self.cram, clock=app.clock,
                           limit=self.limit, writer=app.writer, new_per_day=new_per_day)
        self.starting = len(self.drill)
        self.query_one("#progress", ProgressBar).update(total=max(self.drill.planned, 1), progress=0)
        if self.seconds:
            self._countdown = self.set_interval(1, self._tick, pause=True)
        warm_up()  # the meaning model loads in the background while the first card is read
        self.next_card()

    # -- flow -------------------------------------------------------------------
    def next_card(self) -> None:
        self.question = self.drill.next()
        if self.question is None:
            self.action_finish()
            return
        q = self.question
        prepare_scoring(q)
        self.query_one("#question", Markdown).update(f"## {q.question}")
        self.query_one("#answer", Markdown).update(answer_markdown(q))
        due, new = self.drill.counts()
        self.query_one("#meta", Static).update(
            template("$deck · $level · practice, schedules unchanged · $left left", deck=q.deck, level=q.level,
                     left=due + new) if self.cram else
            template("$deck · $level · $due due, $new new left", deck=q.deck, level=q.level, due=due, new=new))
        self.query_one("#typed", TextArea).load_text("")
        self.typed_score = None
        self.stage = "asking"
        self.watch_stage("asking")
        self.refresh_bindings()  # the stage may be unchanged while undo became possible (or not)
        self.shown_at = time.monotonic()
        self.query_one("#card").scroll_home(animate=False)
        if self._countdown is not None and self.seconds:
            self.remaining = int(self.seconds)
            self._countdown.reset()
            self._countdown.resume()

    def watch_stage(self, stage: Stage) -> None:
        for name in ("asking", "typing", "revealed"):
            self.set_class(stage == name, f"-{name}")
        self.set_class(self.typed_score is not None, "-scored")
        prompts = {
            "asking": "[b]space[/] reveal the answer   [b]enter[/] type your answer first",
            "typing": "[b]ctrl+s[/] check your answer   [b]escape[/] back to the question",
        }
        self.query_one("#prompt", Static).update(prompts[stage] if stage in prompts else self._rating_bar())
        typed = self.query_one("#typed", TextArea)
        typed.can_focus = stage == "typing"  # never focused behind the user's back
        if stage == "typing":
            typed.focus()
        elif self.focused is not None:
            self.set_focus(None)

    def _rating_bar(self) -> Content:
        """``rate yourself:  1 Again · 10m   2 Hard · 1d   3 Good · 4d   4 Easy · 9d`` (cram: no intervals)."""
        intervals = self.drill.preview(self.question) if self.question is not None else {}
        keys = [template("[b]$key[/] $name$after", key=rating, name=name,
                         after=f" · {interval_label(intervals[rating])}" if rating in intervals else "")
                for rating, name in RATING_NAMES.items()]
        return Content("rate yourself:  ") + Content("   ").join(keys)

    def watch_remaining(self, remaining: int) -> None:
        if self.seconds:
            self.query_one("#timer", Static).update(f"⏱ {remaining}s")
            self.query_one("#timer").set_class(remaining <= 5, "urgent")

    def _tick(self) -> None:
        if self.stage == "revealed":
            return
        self.remaining = max(0, self.remaining - 1)
        if self.remaining == 0:
            self._reveal(time_up=True)

    def _reveal(self, time_up: bool = False) -> None:
        if self.stage == "typing":
            typed = self.query_one("#typed", TextArea).text
            if typed.strip():
                self._score(typed)
        self.stage = "revealed"
        # Back to the top: the key-idea feedback and the start of the answer, not where typing left it.
        self.call_after_refresh(self.query_one("#card").scroll_home, animate=False)
        if self._countdown is not None:
            self._countdown.pause()
        if time_up:
            self.notify("Time is up.", timeout=2)

    def _score(self, typed: str) -> None:
        assert self.question is not None
        result = score_question(typed, self.question)
        self.typed_score = result
        self.query_one("#feedback", KeywordFeedback).show(typed, result)
        self.query_one("#compare", AnswerCompare).show(typed, self.question, result)

    # -- actions ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something now are live (and shown in the footer)."""
        stage = self.stage
        if action in ("reveal", "type"):
            return stage == "asking"
        if action == "check" or action == "back":
            return stage == "typing"
        if action == "accept":  # not when the evidence is mixed: nothing is preselected then
            return stage == "revealed" and self.typed_score is not None and self.typed_score.preselect is not None
        if action in ("rate", "suspend", "bury"):
            return stage == "revealed"
        if action == "undo":
            return stage != "typing" and self.drill.can_undo
        if action == "scroll":
            return stage != "typing"
        if action == "finish":
            return stage != "typing"
        return True

    def action_reveal(self) -> None:
        self._reveal()

    def action_type(self) -> None:
        self.stage = "typing"

    def action_check(self) -> None:
        # After the answer box has taken the keys typed (or pasted) before ctrl+s: they wait in
        # its own queue, and a priority binding runs ahead of them.
        self.query_one("#typed", TextArea).call_later(self._reveal)

    def action_back(self) -> None:
        self.stage = "asking"

    def action_accept(self) -> None:
        if self.typed_score is None:
            return
        if self.typed_score.preselect is None:
            self.notify("Mixed evidence: compare with the model answer, then press 1-4.", timeout=3)
            return
        self.action_rate(self.typed_score.preselect)

    def action_scroll(self, where: str) -> None:
        card = self.query_one("#card", VerticalScroll)
        if where in SCROLLS:
            getattr(card, f"scroll_{where}")(animate=False)

    def action_rate(self, rating: int) -> None:
        if self.stage != "revealed" or self.question is None:
            return
        duration = int((time.monotonic() - self.shown_at) * 1000)
        ratio = self.typed_score.ratio if self.typed_score is not None else None
        try:
            self.drill.rate(self.question, rating, duration_ms=duration, score=ratio)
        except StoreError as exc:  # read-only, full disk, locked too long: say so, keep drilling
            self.notify(exc.message, title="Rating not saved", severity="error", timeout=10, markup=False)
        self.ratings.append(rating)
        self._scored.append(ratio is not None)
        if ratio is not None:
            self.typed_scores.append(ratio)
        self._progress()
        self.next_card()

    def _progress(self) -> None:
        self.query_one("#progress", ProgressBar).update(total=max(1, self.drill.planned),
                                                          progress=len(self.ratings))

    def action_suspend(self) -> None:
        self._hold("suspended")

    def action_bury(self) -> None:
        self._hold("buried")

    def _hold(self, kind: str) -> None:
        if self.stage != "revealed" or self.question is None:
            return
        try:
            (self.drill.suspend if kind == "suspended" else self.drill.bury)(self.question)
        except StoreError as exc:
            self.notify(exc.message, title="Not saved", severity="error", timeout=10, markup=False)
        else:
            self._held_notice(kind, self.question)
        self._progress()
        self.next_card()

    def _held_notice(self, kind: str, question: Question) -> None:
        if kind == "suspended":
            self.notify(f"Suspended {question.id}: it stays out of every session until "
                        f"'coach rapid --unsuspend {question.id}' (u undoes).", timeout=6)
        else:
            self.notify("Buried until tomorrow (u undoes).", timeout=4)

    def action_undo(self) -> None:
        try:
            step = self.drill.undo()
        except StoreError as exc:
            step = None
            self.notify(exc.message, title="Undo not saved", severity="error", timeout=10, markup=False)
        if step is None:
            return
        if step.kind == "rating" and self.ratings:
            self.ratings.pop()
            if self._scored.pop() and self.typed_scores:
                self.typed_scores.pop()
        done = {"rating": "Rating", "suspended": "Suspension", "buried": "Burial"}[step.kind]
        self.notify(f"{done} undone: the card is back.", timeout=3)
        self._progress()
        self.next_card()

    def action_finish(self) -> None:
        from coach.tui.screens.summary import SessionEnd, SummaryScreen

        if self._countdown is not None:
            self._countdown.stop()
        if self.ratings:
            reason: SessionEnd = "finished" if self.question is None else "ended"
        elif self.drill.matched == 0:
            reason = "no-match"
        elif self.starting == 0:
            reason = "nothing-due"
        else:
            reason = "ended"
        self.app.saved()
        self.app.switch_screen(SummaryScreen(self.ratings, self.typed_scores, cram=self.cram, reason=reason,
                                             filters=self.filters.describe(), next_due=self.drill.store.next_due()))
