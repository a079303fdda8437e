"""A mock interview: the question rounds and the wrap-up here, the coding round in
the workbench, then the scorecard. The session (coach.practice.mock) decides;
this screen shows it, keeps the clock ticking and saves each answer as it goes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Checkbox, Footer, Header, Input, Markdown, Static, TextArea

from coach.content.models import Kata
from coach.grading.events import RunFinished, RunResult
from coach.practice.faults import StoreError
from coach.practice.mock import MockOptions, MockSession, build, db, plan_mock
from coach.practice.mock.models import FOLLOW_UP, Answer
from coach.practice.mock.plan import CHECKLIST, CODING, TITLES, WRAPUP
from coach.practice.mock.scorecard import Scorecard, clock
from coach.practice.scoring import prepare, score_question, warm_up
from coach.practice.store import Store
from coach.tui.screens.base import CoachScreen
from coach.tui.screens.mock_workbench import MockWorkbench
from coach.tui.text import plain, template

URGENT = 30  # seconds left in a round when the clock turns red


class MockScreen(CoachScreen):
    CSS_PATH = "mock.tcss"
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit", priority=True, tooltip="hand in this answer and go on"),
        Binding("escape", "end", "End mock", tooltip="end the mock now (asks first; a partial scorecard is kept)"),
    ]

    def __init__(self, options: MockOptions | None = None) -> None:
        super().__init__()
        self.options = options or MockOptions()
        self.workbench: MockWorkbench | None = None
        self._ticker: Timer | None = None
        self.closed = False
        self._shown_round = 0  # the round show() last put on screen (to say when time carries over)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="mock-status"):
            yield Static(id="mock-round")
            yield Static(id="mock-clock")
        with VerticalScroll(id="mock-card", classes="panel", can_focus=False):
            yield Static(id="mock-context", classes="muted")
            yield Markdown(id="mock-question")
            yield TextArea(id="mock-answer", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            with Vertical(id="mock-review"):
                yield Static("Be honest: tick what you really did in this interview.", classes="muted")
                for i, item in enumerate(CHECKLIST):
                    yield Checkbox(item, id=f"check-{i}")
                yield Input(placeholder="One line: what will you do better next time?", id="mock-note")
        yield Static(id="mock-prompt")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        app = self.app
        # no palette while the mock runs: "Open kata" would give the coding round's kata a workbench
        # with its reference solution and the user's previous draft
        self._palette = app.use_command_palette
        app.use_command_palette = False
        # held: while the screen closes (quitting mid-mock) a query finds nothing, and these are saved
        self._answer_box = self.query_one("#mock-answer", TextArea)
        self._checks = list(self.query(Checkbox).results(Checkbox))
        self._note = self.query_one("#mock-note", Input)
        library = app.library
        history = None
        if self.options.seed is None:
            history = db.planning_history(app.store, {q.id: q.topic for q in library.questions})
        plan = plan_mock(library.questions, library.katas, self.options, history)
        self.session = MockSession(plan, clock=app.clock, questions=app.questions.by_id, scorer=score_question)
        started = self.session.record.started_at
        self._save("the mock's start", lambda store: db.start(store, plan, started))
        warm_up()
        self.sub_title = f"Mock interview · {self.options.track} · {self.options.level} · {self.options.minutes} min"
        self._ticker = self.set_interval(1, self.tick)
        self.show()
        self.call_after_refresh(self.session.begin)  # the clock starts when the question shows

    # -- saving ----------------------------------------------------------------------
    def _save(self, label: str, job: Callable[[Store], Any]) -> None:
        """Queue a write on the app's writer (off the UI thread), or write now without one."""
        writer = self.app.writer
        try:
            if writer is not None:
                writer.submit(label, job)
            elif self.app.store.read_only is None:
                job(self.app.store)
        except (StoreError, RuntimeError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)

    def keep(self, answers: list[Answer]) -> None:
        started = self.session.record.started_at
        for answer in answers:
            self._save(f"mock answer ({answer.round} {answer.kind} {answer.position + 1})",
                       partial(db.save_answer, started_at=started, answer=answer))

    # -- what is on screen -------------------------------------------------------------
    def show(self) -> None:
        session = self.session
        if session.ended:
            self.finish()
            return
        name = session.round
        self.set_class(name == WRAPUP, "-review")
        self.update_clock()
        if session.index != self._shown_round:
            earlier, self._shown_round = TITLES[session.rounds[self._shown_round]], session.index
            if session.carried >= 1:
                self.notify(f"{clock(session.carried)} unused in the {earlier.lower()} round carries over: "
                            f"the {TITLES[name].lower()} round has {clock(session.round_box())}.",
                            title="Time carried over", timeout=6, markup=False)
        header = template("Round $n/$of · [b]$title[/]", n=session.round_number, of=len(session.rounds),
                          title=TITLES[name])
        prompt = session.prompt()
        if prompt is not None:
            number = f"question {prompt.number} of {prompt.of}"
            self.query_one("#mock-round", Static).update(header + plain(f" · {number}"))
            follow = prompt.kind == FOLLOW_UP
            self.query_one("#mock-context", Static).update(
                plain(f"Follow-up to: {prompt.planned.question}") if follow else
                plain(f"{prompt.planned.deck} · {prompt.planned.level} · about a minute each"
                      if name == "warm-up" else f"{prompt.planned.deck} · {prompt.planned.level}"))
            self.query_one("#mock-question", Markdown).update(
                f"## {'The interviewer follows up: ' if follow else ''}{prompt.text}")
            question = self.app.questions.by_id.get(prompt.planned.id)
            if question is not None and not follow:
                prepare(question)
            answer = self.query_one("#mock-answer", TextArea)
            answer.load_text("")
            answer.focus()
            self.query_one("#mock-prompt", Static).update(template(
                "Type your answer  [b]ctrl+s[/] submit and go on   [b]escape[/] end the mock"))
            self.query_one("#mock-card").scroll_home(animate=False)
        elif name == CODING:
            self.query_one("#mock-round", Static).update(header)
            self.open_workbench()
        elif name == WRAPUP:
            self.query_one("#mock-round", Static).update(header + plain(" · self-review"))
            self.query_one("#mock-context", Static).update("")
            self.query_one("#mock-question", Markdown).update("## How did it go?")
            self.query_one("#mock-prompt", Static).update(template(
                "[b]space[/] tick   [b]tab[/] next   [b]ctrl+s[/] finish and see the scorecard"))
            self.query_one("#check-0", Checkbox).focus()

    def update_clock(self) -> None:
        session = self.session
        left, total = session.round_left(), session.total_left()
        text = f"{TITLES[session.round]} {clock(left)} left · total {clock(total)}"
        widget = self.query_one("#mock-clock", Static)
        widget.update(plain(text))
        widget.set_class(left <= URGENT, "urgent")
        if self.workbench is not None:
            self.workbench.show_clock(f"Mock interview · {text}", left <= URGENT)

    def tick(self) -> None:
        if self.closed or self.session.ended:
            return
        if self.session.expired():
            self.time_up()
        else:
            self.update_clock()

    # -- moving on ---------------------------------------------------------------------
    def typed(self) -> str:
        return self._answer_box.text

    def time_up(self) -> None:
        session = self.session
        name = TITLES[session.round]
        if session.round == CODING:
            self.keep(self.leave_coding(timed_out=True))
        elif session.round == WRAPUP:
            self.keep(session.review(*self.review_state()) + session.next_round(timed_out=True))
        else:
            self.keep(session.time_up(self.typed()))
        following = ", and for the mock" if session.ended else f": on to the {TITLES[session.round].lower()}"
        self.notify(f"Time is up for the {name.lower()} round{following}.", title="Time", timeout=4)
        self.show()

    def action_submit(self) -> None:
        # Once the answer box has taken the keys typed before ctrl+s (they wait in its queue).
        self._answer_box.call_later(self._submit)

    def _submit(self) -> None:
        session = self.session
        if session.round == WRAPUP:
            self.keep(session.review(*self.review_state()) + session.next_round())
        elif session.prompt() is not None:
            if not self.typed().strip():
                self.notify("Type an answer first (or escape to end the mock).", timeout=3)
                return
            self.keep(session.submit(self.typed()))
        self.show()

    def review_state(self) -> tuple[list[bool], str]:
        return [box.value for box in self._checks], self._note.value

    # -- the coding round ----------------------------------------------------------------
    def open_workbench(self) -> None:
        if self.workbench is not None:
            return
        planned = self.session.plan.kata
        assert planned is not None  # a plan without a kata has no coding round
        kata = next(k for k in self.app.library.katas if k.slug == planned.slug)
        self.workbench = MockWorkbench(kata, on_run=self.kata_ran, on_hint=self.session.kata_hint,
                                       on_hand_in=self.hand_in, on_end=self.action_end)
        self.app.push_screen(self.workbench)
        self.update_clock()

    def kata_ran(self, result: RunResult, code: str) -> None:
        self.keep(self.session.kata_ran(result.status, result.passed, len(result.tests), code))

    @work(thread=True, exclusive=True, group="mock-grading", exit_on_error=False)
    def grade_handed_in(self, kata: Kata, code: str) -> None:
        """Run the tests on code handed in unrun, as an interviewer would, and score that."""
        for event in self.app.grader.run(kata, code).events():
            if isinstance(event, RunFinished) and not event.result.cancelled:
                self.app.call_from_thread(self.handed_in_graded, event.result, code)

    def handed_in_graded(self, result: RunResult, code: str) -> None:
        self.keep(self.session.kata_ran(result.status, result.passed, len(result.tests), code, final=True))

    def leave_coding(self, *, timed_out: bool = False, early: bool = False) -> list[Answer]:
        """Take the code from the workbench and close it; returns the answers to save."""
        workbench, self.workbench = self.workbench, None
        if workbench is not None:
            self.session.code = workbench.code()
            if workbench.is_current:
                self.app.pop_screen()
        if early:
            return []
        if workbench is not None and self.session.needs_final_run():
            self.grade_handed_in(workbench.kata, self.session.code)
        return self.session.next_round(timed_out=timed_out)

    def hand_in(self) -> None:
        self.keep(self.leave_coding())
        self.show()

    # -- ending ----------------------------------------------------------------------
    def action_end(self) -> None:
        from coach.tui.screens.dialogs import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes and not self.session.ended:
                self.end_now()
                self.finish()

        self.app.push_screen(ConfirmScreen("End the mock now?",
                                           "You get a partial scorecard of what you answered so far."), answer)

    def end_now(self) -> None:
        """End early: what is typed, the code and the ticked review count; the scorecard is partial."""
        session = self.session
        typed = ""
        if session.round == CODING:
            self.leave_coding(early=True)
        elif session.round == WRAPUP:
            self.keep(session.review(*self.review_state()))
        else:
            typed = self.typed()
        self.keep(session.end_early(typed))

    def finish(self) -> None:
        """Store the ending and the weakest areas, then show the scorecard."""
        from coach.tui.screens.mock_scorecard import MockScorecardScreen

        card = self._close()
        if self.workbench is not None:
            self.leave_coding(early=True)
        self.app.switch_screen(MockScorecardScreen(card))

    def _palette_back(self) -> None:
        self.app.use_command_palette = getattr(self, "_palette", self.app.ENABLE_COMMAND_PALETTE)

    def _close(self) -> Scorecard:
        self.closed = True
        self._palette_back()
        if self._ticker is not None:
            self._ticker.stop()
        record = self.session.record
        card = build(record, self.app.library)
        self._save("the mock's scorecard", lambda store: db.finish(
            store, record.started_at, status=record.status, ended_at=record.ended_at or self.app.clock(),
            ended_in=record.ended_in, focus=list(card.weakest)))
        return card

    def on_unmount(self) -> None:
        """Quitting the app mid-mock keeps a partial scorecard, as ending early does."""
        if self.closed or not hasattr(self, "session"):
            self._palette_back()
            return
        if not self.session.ended:
            self.end_now()
        self._close()
