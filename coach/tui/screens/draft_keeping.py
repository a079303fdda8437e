"""The workbench's draft: a file on disk the editor mirrors, saved, autosaved and watched."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import time

from textual.app import SuspendNotSupported
from textual.timer import Timer
from textual.widgets import Static, TextArea

from coach.content.models import Kata
from coach.practice.attempts import KataSession
from coach.practice.drafts import Draft, DraftError
from coach.tui.screens.base import CoachScreen
from coach.tui.screens.kata_review import home_relative
from coach.tui.text import template

WATCH_INTERVAL = 0.3  # seconds between looks at the draft file
AUTOSAVE_AFTER = 1.0  # seconds after typing stops


class DraftKeeping(CoachScreen):
    """Keeps the editor's text and the draft file in step; the workbench provides the rest.

    Needs ``#editor`` (a TextArea) and ``#draft-status`` (a Static) in the screen.
    """

    kata: Kata
    draft: Draft
    session: KataSession
    _autosave: Timer | None = None
    _closing_unopened = False  # the draft could not be read: never write over it
    _editor_widget: TextArea  # held: once children unmount a query finds nothing

    def action_run(self, save: bool = True) -> None:
        raise NotImplementedError

    @property
    def editor(self) -> TextArea:
        return self.query_one("#editor", TextArea)

    def _status(self, note: str) -> None:
        self.query_one("#draft-status", Static).update(template(
            "draft [b]$path[/]  ·  $note", path=home_relative(str(self.draft.path)), note=note))

    def save(self, why: str = "saved") -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if self._closing_unopened:
            return
        text = self.editor.text
        if self.draft.needs_save(text):
            try:
                self.draft.save(text)
            except DraftError as exc:  # the text stays in the editor; the next save retries
                self.notify(exc.message, title="Draft not saved", severity="error", timeout=10)
                self._status("NOT SAVED: " + exc.message)
                return
        self._status(f"{why} {time.strftime('%H:%M:%S')}")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "editor" or self.editor.text == self.draft.text:
            return
        self.session.touch()
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_AFTER, lambda: self.save("autosaved"))
        self._status("edited, not saved yet")

    def _watch_draft(self) -> None:
        text = self.draft.changed_outside()
        if text is None:
            return
        self.editor.load_text(text)
        self._status(f"reloaded after an outside edit at {time.strftime('%H:%M:%S')}, and the tests run again")
        self.action_run(save=False)

    def action_download(self) -> None:
        """Hand the draft to the browser as a file (Textual delivers it through textual-serve)."""
        self.save()
        self.app.deliver_text(io.StringIO(self.editor.text), save_filename=f"{self.kata.slug}.py",
                              mime_type="text/x-python")
        self.notify(f"Downloading {self.kata.slug}.py")

    def action_save(self) -> None:
        self.save()

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
        if text is None:
            self._status("your editor closed; no changes")
            return
        self.editor.load_text(text)
        self._status("reloaded after your editor closed, and the tests run again")
        self.action_run(save=False)

    def flush_draft(self) -> None:
        """Write unsaved editor text now (leaving, quitting, a signal)."""
        if self._closing_unopened:
            return
        try:
            editor = self._editor_widget
            if self.draft.needs_save(editor.text):
                self.draft.save(editor.text)
        except Exception as exc:
            self.app.notify(f"Could not save the draft: {exc}", severity="error")
