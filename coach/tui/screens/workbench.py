"""The kata workbench: README beside the editor, results below, tests on ctrl+r."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, Static
from textual.worker import Worker, WorkerState, get_current_worker

from coach.content.models import Kata
from coach.grading import growth
from coach.grading.events import (
    PASS,
    Event,
    RunFinished,
    RunResult,
    RunStarted,
    TestFinished,
    TestsCollected,
    TestStarted,
)
from coach.grading.run import Run
from coach.practice.attempts import KataSession, minutes
from coach.practice.drafts import Draft, DraftError
from coach.practice.faults import StoreError
from coach.tui.screens.draft_keeping import WATCH_INTERVAL, DraftKeeping
from coach.tui.screens.kata_review import KataReview, home_relative
from coach.tui.web import in_browser
from coach.tui.widgets.editor import CodeEditor
from coach.tui.widgets.readme_pane import ReadmePane
from coach.tui.widgets.results import ResultsPanel

Stage = Literal["editing", "running"]
PANES = ("#editor", "#readme-pane", "#results-table")


def hints_markdown(hints: tuple[str, ...] | list[str], shown: int) -> str:
    return "\n\n".join(f"**Hint {i + 1}/{len(hints)}.** {hint}" for i, hint in enumerate(hints[:shown]))


class WorkbenchScreen(KataReview, DraftKeeping):
    CSS_PATH = "workbench.tcss"
    BINDINGS = [
        Binding("ctrl+r", "run", "Run", priority=True, tooltip="run the tests (again: restart)"),
        Binding("ctrl+c", "cancel", "Cancel", priority=True, tooltip="cancel the run"),
        Binding("ctrl+s", "save", "Save", priority=True, show=False,
                tooltip="save the draft (it also saves itself a second after you stop typing)"),
        Binding("ctrl+g", "hint", "Hint", priority=True, tooltip="the next hint"),
        Binding("ctrl+o", "external_editor", "Editor", priority=True, tooltip="edit the draft in $VISUAL/$EDITOR"),
        Binding("ctrl+o", "download", "Download", priority=True,
                tooltip="download the draft (in a browser tab, instead of Editor)"),
        Binding("ctrl+l", "solution", "Solution", priority=True, tooltip="show the reference solution (asks first)"),
        Binding("ctrl+t", "reset", "Reset", priority=True, show=False,
                tooltip="reset the draft to the starter (asks first)"),
        Binding("f8", "reset", "Reset", priority=True, show=False,
                tooltip="reset the draft to the starter, in a browser too (it keeps ctrl+t for a new tab)"),
        Binding("f2", "toggle_readme", "README", tooltip="show or hide the README"),
        Binding("f3", "toggle_results", "Results", tooltip="results full height, or back"),
        Binding("f4", "next_pane", "Pane", tooltip="move focus: editor, README, results"),
        Binding("f9", "previous", "Previous", priority=True, show=False,
                tooltip="your draft from before the kata came back (viewing it counts as viewing the solution)"),
        Binding("escape", "back", "Back", tooltip="save and go back"),
    ]

    stage: reactive[Stage] = reactive[Stage]("editing", bindings=True, init=False)

    @dataclass
    class Graded(Message):
        """A grading event from the worker thread, tagged with its run."""

        run_id: int
        event: Event

    @dataclass
    class GrowthReported(Message):
        """A time budget ran out: how the solution grows (text None while measuring)."""

        run_id: int
        tests: tuple[str, ...]
        text: str | None

    def __init__(self, kata: Kata) -> None:
        super().__init__()
        self.kata = kata
        self.hints_shown = 0
        self.run_id = 0
        self._run: Run | None = None  # the current run, once its worker has started it
        self._runs = threading.Lock()  # run_id and _run change together (UI thread and grading threads)
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with ReadmePane(id="readme-pane", classes="panel"):
                yield Markdown(self.kata.readme(), id="readme")
                yield Markdown(id="hints")
            with Vertical(id="code-pane"):
                yield CodeEditor.for_python(id="editor", classes="panel")
                yield ResultsPanel(id="results", classes="panel")
        yield Static(id="draft-status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        app = self.app
        self.sub_title = f"{self.kata.title} · {self.kata.difficulty}"
        self.draft = Draft(app.store, self.kata, writer=app.writer)
        first_open = not self.draft.path.exists()
        self._editor_widget = self.editor
        try:
            text = self._comes_back(self.draft.load())
        except DraftError as exc:  # unreadable: leave the file alone and say so
            self.notify(exc.message, title="Cannot open the draft", severity="error", timeout=20)
            self._closing_unopened = True
            self.app.pop_screen()
            return
        if self.draft.notice:
            self.notify(self.draft.notice, title="Draft recovered", severity="warning", timeout=20)
        self._editor_widget.load_text(text)
        self.session = KataSession(app.store, self.kata.slug, writer=app.writer, wall=app.clock, start_text=text)
        self._show_schedule()
        self._status("draft loaded")
        if first_open:
            self.notify(f"Your draft is a file: {home_relative(str(self.draft.path))}. Edit it in any editor "
                        "and coach reloads it and runs the tests "
                        f"({'ctrl+o downloads it' if in_browser() else 'ctrl+o opens $EDITOR'}).",
                        title="Tip", timeout=6)
        app.grader_for(self.kata)  # warm a worker for this kata now
        self.set_interval(WATCH_INTERVAL, self._watch_draft)
        self.editor.focus()

    # -- the draft ---------------------------------------------------------------
    @property
    def results(self) -> ResultsPanel:
        return self.query_one(ResultsPanel)

    # -- running the tests --------------------------------------------------------
    def watch_stage(self, stage: Stage) -> None:
        self.set_class(stage == "running", "-running")
        if stage == "running":
            self._ticker = self.set_interval(0.1, self.results.tick)
        elif self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def action_run(self, save: bool = True) -> None:
        if save:  # ctrl+r: run once the editor has taken the keys typed or pasted before it
            self.editor.call_later(self._run_now, True)
        else:
            self._run_now(False)

    def _run_now(self, save: bool) -> None:
        if save:
            self.save()
        run_id = self._next_run()
        self.stage = "running"
        self.results.start(())
        self._grade(run_id, self.editor.text)

    def action_cancel(self) -> None:
        self._next_run()
        self.stage = "editing"
        self.results.clear("Run cancelled. Press ctrl+r to run the tests.")

    def _next_run(self) -> int:
        """Cancel the current run, if any, and number the next one.

        One step under a lock: a grading thread that is still starting its run
        either sees the new number and cancels its own run, or has already
        published it here and it is cancelled now. Never neither.
        """
        with self._runs:
            if self._run is not None:
                self._run.cancel()
                self._run = None
            self.run_id += 1
            return self.run_id

    @work(thread=True, exclusive=True, group="grading", exit_on_error=False)
    def _grade(self, run_id: int, source: str) -> None:
        run = self.app.grader.run(self.kata, source)
        with self._runs:
            current = run_id == self.run_id
            if current:
                self._run = run
        if not current:
            run.cancel()  # a newer ctrl+r (or ctrl+c) came while this run was starting
        for event in run.events():
            self.post_message(self.Graded(run_id, event))
        slow = growth.wanted(self.kata, run.result())
        if slow and run_id == self.run_id:
            self.post_message(self.GrowthReported(run_id, slow, None))
            worker = get_current_worker()
            report = growth.measure(self.app.grader, self.kata, source, tests=slow,
                                    cancelled=lambda: run_id != self.run_id or worker.is_cancelled)
            text = report.text() if report else "could not measure how it grows"
            self.post_message(self.GrowthReported(run_id, slow, text))

    def on_workbench_screen_growth_reported(self, message: GrowthReported) -> None:
        if message.run_id == self.run_id:
            self.results.growth(message.tests, message.text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed grading worker lands: the results panel, not a crash."""
        if event.worker.group != "grading" or event.state != WorkerState.ERROR:
            return
        if event.worker.is_cancelled:
            return  # an older run's worker, superseded by a newer ctrl+r: that run is the one shown
        self._run = None
        self.stage = "editing"
        error = event.worker.error
        self.results.failed_to_run(str(error) or type(error).__name__)

    def on_workbench_screen_graded(self, message: Graded) -> None:
        if message.run_id != self.run_id:
            return  # an older run, cancelled by a newer ctrl+r
        results = self.results
        match message.event:
            case RunStarted(tests=tests):
                results.start(tests)
            case TestsCollected(names=names, tasks=tasks):
                results.collected(names, tasks)
            case TestStarted(name=name):
                results.started(name)
            case TestFinished(result=result):
                results.finished(result)
            case RunFinished(result=result):
                self._run = None
                self.stage = "editing"
                results.done(result)
                if not result.cancelled:
                    self._record(result.status, result.passed, len(result.tests))
                    self.ran(result)

    # -- hooks for a screen built on the workbench (the mock interview's coding round) --
    def ran(self, result: RunResult) -> None:
        """A run finished (not cancelled): its result, with the code it ran in ``self.editor``."""

    def hinted(self, shown: int) -> None:
        """The user asked for a hint: ``shown`` hints are on screen now."""

    def _record(self, status: str, passed: int, total: int) -> None:
        try:
            solved_in = self.session.record(status, passed, total, self.editor.text)
        except StoreError as exc:
            self.notify(exc.message, title="Attempt not saved", severity="warning", timeout=10)
            return
        if solved_in is None or status != PASS:
            return
        if self.schedules and self.session.rateable and self.session.rating is None:
            self.ask_rating(leaving=False)
        else:
            self.notify(f"Solved {self.kata.title} in {minutes(solved_in)}.", title="All tests pass")

    # -- the other keys ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.stage == "running"
        if action in ("external_editor", "download"):  # a browser tab (coach serve) cannot suspend
            return in_browser() == (action == "download")
        return True

    async def action_hint(self) -> None:
        hints = self.kata.hints
        if not hints:
            self.notify("This kata has no hints.")
            return
        if self.hints_shown >= len(hints):
            self.notify("That was the last hint." + (" ctrl+l shows the reference solution."
                                                     if self.check_action("solution", ()) else ""))
            return
        self.hints_shown += 1
        self.session.hints = self.hints_shown
        self.session.touch()
        self.hinted(self.hints_shown)
        self.add_class("-hints")
        self.remove_class("-no-readme")
        panel = self.query_one("#hints", Markdown)
        await panel.update(hints_markdown(hints, self.hints_shown))
        self.call_after_refresh(self.show_newest_hint)

    def show_newest_hint(self) -> None:
        """Scroll the README pane so the newest hint starts at the top (a long one reads from its start)."""
        blocks = list(self.query_one("#hints", Markdown).children)
        if blocks:
            self.query_one("#readme-pane", VerticalScroll).scroll_to_widget(blocks[-1], top=True, animate=False)

    def action_solution(self) -> None:
        from coach.tui.screens.dialogs import ConfirmScreen, SolutionScreen

        path = self.kata.solution_path
        if path is None or not path.is_file():
            self.notify("This kata has no reference solution.")
            return

        def show(yes: bool | None) -> None:
            if yes:
                self.session.viewed_solution = True
                self.app.push_screen(SolutionScreen(self.kata.title, path.read_text(encoding="utf-8")))

        self.app.push_screen(ConfirmScreen("Show the reference solution?",
                                           "Seeing it before you solve the kata spoils the practice."), show)

    def action_reset(self) -> None:
        from coach.tui.screens.dialogs import ConfirmScreen

        def reset(yes: bool | None) -> None:
            if yes:
                self.action_cancel()
                self.editor.load_text(self.draft.reset())
                self.results.clear()
                self._status("reset to the starter")

        self.app.push_screen(ConfirmScreen("Reset the draft to the starter?",
                                           "Your current draft will be overwritten."), reset)

    def action_toggle_readme(self) -> None:
        self.toggle_class("-no-readme")

    def action_toggle_results(self) -> None:
        self.toggle_class("-results-full")

    def action_next_pane(self) -> None:
        visible = [p for p in PANES if self.query_one(p).display and self.query_one(p).region.height]
        focused = self.focused
        current = next((i for i, p in enumerate(visible) if focused is not None
                        and (focused is self.query_one(p) or self.query_one(p) in focused.ancestors)), -1)
        if visible:
            self.query_one(visible[(current + 1) % len(visible)]).focus()

    def action_back(self) -> None:
        self.save()
        if self.schedules and self.session.needs_rating:
            self.ask_rating(leaving=True)
            return
        self._leave()

    def _leave(self) -> None:
        if self._run is not None:
            self._run.cancel()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        if self._run is not None:
            self._run.cancel()
        if self._closing_unopened:
            return
        self.flush_draft()
        try:
            self.session.leave()
        except StoreError:
            pass  # the attempts are saved; only the unrated session's summary is lost
