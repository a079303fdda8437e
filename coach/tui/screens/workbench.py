"""The kata workbench: README beside the editor, results below, tests on ctrl+r."""

from __future__ import annotations

import hashlib
import os
import shlex
import subprocess
import time
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static, TextArea

from coach.content.models import Kata
from coach.grading.events import PASS, Event, RunFinished, RunStarted, TestFinished, TestsCollected, TestStarted
from coach.practice.drafts import Draft
from coach.tui.widgets.results import ResultsPanel

WATCH_INTERVAL = 0.3  # seconds between looks at the draft file


def _home(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home):] if path.startswith(home + os.sep) else path


class WorkbenchScreen(Screen):
    CSS_PATH = "workbench.tcss"
    BINDINGS = [
        Binding("ctrl+r", "run", "Run tests", priority=True),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+g", "hint", "Hint", priority=True),
        Binding("ctrl+o", "external_editor", "$EDITOR", priority=True),
        Binding("ctrl+l", "solution", "Solution", priority=True),
        Binding("ctrl+t", "reset", "Reset", priority=True),
        Binding("f2", "toggle_readme", "README", priority=True),
        Binding("escape", "back", "Back"),
    ]

    @dataclass
    class Graded(Message):
        """A grading event from the worker thread, tagged with its run."""

        run_id: int
        event: Event

    def __init__(self, kata: Kata) -> None:
        super().__init__()
        self.kata = kata
        self.opened_at = time.monotonic()
        self.hints_shown = 0
        self.run_id = 0
        self._run = None
        self.solved_before = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with VerticalScroll(id="readme-pane", classes="panel"):
                yield Markdown(self.kata.readme(), id="readme")
                yield Static(id="hints", classes="hidden")
            with Vertical(id="code-pane"):
                yield self._editor()
                yield ResultsPanel(id="results", classes="panel")
        yield Static(id="draft-status")
        yield Footer()

    def _editor(self) -> TextArea:
        try:
            return TextArea.code_editor(language="python", id="editor", classes="panel")
        except Exception:  # no Python grammar installed: plain editing still works
            return TextArea.code_editor(id="editor", classes="panel")

    def on_mount(self) -> None:
        app = self.app
        self.sub_title = f"{self.kata.title} · {self.kata.difficulty}"
        self.draft = Draft(app.store, self.kata)  # type: ignore[attr-defined]
        self.query_one("#editor", TextArea).load_text(self.draft.load())
        info = app.store.kata_summary().get(self.kata.slug)  # type: ignore[attr-defined]
        self.solved_before = bool(info and info["passes"])
        self._status("draft loaded")
        app.grader_for(self.kata)  # type: ignore[attr-defined]  # warm a worker for this kata now
        self.set_interval(WATCH_INTERVAL, self._watch_draft)
        self.query_one("#editor").focus()

    # -- the draft ---------------------------------------------------------------
    @property
    def editor(self) -> TextArea:
        return self.query_one("#editor", TextArea)

    def _status(self, note: str) -> None:
        self.query_one("#draft-status", Static).update(
            f"draft [b]{_home(str(self.draft.path))}[/]  ·  {note}  ·  watching for outside edits")

    def save(self) -> None:
        if self.editor.text != self.draft.text:
            self.draft.save(self.editor.text)
        self._status(f"saved {time.strftime('%H:%M:%S')}")

    def _watch_draft(self) -> None:
        text = self.draft.changed_outside()
        if text is None:
            return
        self.editor.load_text(text)
        self._status(f"reloaded after an outside edit at {time.strftime('%H:%M:%S')}")
        self.action_run()

    # -- running the tests --------------------------------------------------------
    def action_run(self) -> None:
        self.save()
        if self._run is not None:
            self._run.cancel()
        self.run_id += 1
        self._grade(self.run_id, self.editor.text)

    @work(thread=True, exclusive=True, group="grading")
    def _grade(self, run_id: int, source: str) -> None:
        run = self.app.grader.run(self.kata, source)  # type: ignore[attr-defined]
        self._run = run
        if run_id != self.run_id:
            run.cancel()  # a newer ctrl+r came while this run was starting
        for event in run.events():
            self.post_message(self.Graded(run_id, event))

    def on_workbench_screen_graded(self, message: Graded) -> None:
        if message.run_id != self.run_id:
            return  # an older run, cancelled by a newer ctrl+r
        results = self.query_one(ResultsPanel)
        match message.event:
            case RunStarted(tests=names):
                results.start(names)
            case TestsCollected(names=names):
                results.collected(names)
            case TestStarted(name=name):
                results.started(name)
            case TestFinished(result=test):
                results.finished(test)
            case RunFinished(result=result):
                self._run = None
                results.done(result)
                self._record(result)

    def _record(self, result) -> None:
        if result.cancelled:
            return
        elapsed_ms = (time.monotonic() - self.opened_at) * 1000
        digest = hashlib.sha256(self.editor.text.encode()).hexdigest()[:16]
        self.app.store.record_attempt(self.kata.slug, str(result.status), result.passed,  # type: ignore[attr-defined]
                                      len(result.tests), elapsed_ms, digest)
        if result.status == PASS and not self.solved_before:
            self.solved_before = True
            minutes, seconds = divmod(int(elapsed_ms / 1000), 60)
            self.notify(f"Solved {self.kata.title} in {minutes}:{seconds:02d}.", title="All tests pass")

    # -- the other keys ------------------------------------------------------------
    def action_save(self) -> None:
        self.save()

    def action_hint(self) -> None:
        hints = self.kata.hints
        if not hints:
            self.notify("This kata has no hints.")
            return
        if self.hints_shown >= len(hints):
            self.notify("That was the last hint. ctrl+l shows the reference solution.")
            return
        self.hints_shown += 1
        shown = "\n\n".join(f"[b]Hint {i + 1}/{len(hints)}.[/] {hint}"
                            for i, hint in enumerate(hints[: self.hints_shown]))
        panel = self.query_one("#hints", Static)
        panel.update(shown)
        panel.remove_class("hidden")
        self.query_one("#readme-pane").remove_class("hidden")
        self.query_one("#readme-pane", VerticalScroll).scroll_end(animate=False)

    def action_external_editor(self) -> None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $VISUAL or $EDITOR to edit the draft in your own editor.", severity="warning")
            return
        self.save()
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(self.draft.path)], check=False)
        except SuspendNotSupported:
            self.notify(f"This terminal cannot hand over to {editor}; edit {self.draft.path} "
                        "there and coach reloads it.", severity="warning")
            return
        except OSError as exc:
            self.notify(f"Could not start {editor}: {exc}", severity="error")
            return
        text = self.draft.changed_outside()
        if text is not None:
            self.editor.load_text(text)
            self._status("reloaded after your editor closed")

    def action_solution(self) -> None:
        from coach.tui.screens.dialogs import ConfirmScreen, SolutionScreen

        path = self.kata.solution_path
        if path is None or not path.is_file():
            self.notify("This kata has no reference solution.")
            return

        def show(yes: bool | None) -> None:
            if yes:
                self.app.push_screen(SolutionScreen(self.kata.title, path.read_text(encoding="utf-8")))

        self.app.push_screen(ConfirmScreen("Show the reference solution?",
                                           "Seeing it before you solve the kata spoils the practice."), show)

    def action_reset(self) -> None:
        from coach.tui.screens.dialogs import ConfirmScreen

        def reset(yes: bool | None) -> None:
            if yes:
                self.editor.load_text(self.draft.reset())
                self._status("reset to the starter")

        self.app.push_screen(ConfirmScreen("Reset the draft to the starter?",
                                           "Your current draft will be overwritten."), reset)

    def action_toggle_readme(self) -> None:
        self.query_one("#readme-pane").toggle_class("hidden")

    def action_back(self) -> None:
        self.save()
        if self._run is not None:
            self._run.cancel()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        if self._run is not None:
            self._run.cancel()
        try:
            if self.editor.text != self.draft.text:
                self.draft.save(self.editor.text)
        except Exception:  # the app is going away; the last save on a key press stands
            pass
