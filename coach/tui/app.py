"""The Textual app and the one factory the CLI and the tests share."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel

from coach import settings
from coach.tui.commands import CoachCommands

if TYPE_CHECKING:  # imported when first used: the first frame does not wait for them
    from coach.content.library import Library
    from coach.content.models import Kata
    from coach.grading.grader import Grader
    from coach.practice.mock.plan import MockOptions
    from coach.practice.queue import QuestionSet
    from coach.practice.store import Store
    from coach.practice.writer import Writer, WriteStatus


class CoachApp(App[int]):
    """coach's terminal UI: home, rapid fire, katas and stats."""

    CSS_PATH = "app.tcss"
    TITLE = "coach"
    SUB_TITLE = "interview practice for Python and FastAPI"
    COMMANDS = App.COMMANDS | {CoachCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("f1", "help", "Help", show=False),
    ]

    def __init__(self, *, library: Library | None = None, mode: str = "home", kata: Kata | None = None,
                 store_path: Path | None = None, clock: Callable[[], float] = time.time,
                 **drill_options: Any) -> None:
        super().__init__()
        self.clock = clock  # Unix seconds; tests pass a fixed clock
        self._library = library
        self.mode = mode
        self.start_kata = kata
        self.drill_options = drill_options
        self._store_path = store_path
        self._store: Store | None = None
        self._grader: Grader | None = None
        self._writer: Writer | None = None
        self._write_error: str | None = None
        self.unsaved: list[str] = []

    # -- shared services ---------------------------------------------------------
    @property
    def library(self) -> Library:
        """The content, loaded on first use (the home screen draws before it is needed)."""
        if self._library is None:
            from coach.content.library import load_library

            self._library = load_library()
        return self._library

    @cached_property
    def questions(self) -> QuestionSet:
        """The question bank with its indexes, built once for every session."""
        from coach.practice.queue import QuestionSet

        return QuestionSet(self.library.questions)

    @property
    def store(self) -> Store:
        if self._store is None:
            from coach.practice.store import Store, StoreError, default_path

            path = self._store_path or default_path()
            try:
                self._store = Store.open(path)
            except StoreError as exc:  # unusable (locked too long, newer coach): run without saving
                self._store = Store.memory(path, exc.message)
            if self._store.notice:
                self.notify(self._store.notice, title="Progress file replaced", severity="warning", timeout=15,
                            markup=False)
            if self._store.read_only is not None:
                self.notify(self._store.read_only, title="Progress is not being saved",
                            severity="error", timeout=30, markup=False)
        return self._store

    @property
    def writer(self) -> Writer | None:
        """Ratings, attempts and draft copies are saved on this thread, off the UI's, in
        order; None when the store cannot be written (the notice said why)."""
        if self._writer is None and self.store.read_only is None:
            from coach.practice.writer import Writer

            self._writer = Writer(self.store.path,
                                  on_change=lambda status: self.call_from_thread(self._writes_changed, status))
        return self._writer

    def _writes_changed(self, status: WriteStatus) -> None:
        """Say when saving gets stuck (and when it catches up): nothing is dropped silently."""
        if status.error and status.error != self._write_error:
            self.notify(f"{status.pending} not saved yet, retrying: {status.error}", title="Progress not saved yet",
                        severity="warning", timeout=10)
        elif self._write_error and status.pending == 0:
            self.notify("Everything is saved again.", title="Progress saved")
        for failure in status.failed:
            self.notify(failure, title="Could not save", severity="error", timeout=20)
        self._write_error = status.error

    def saved(self, timeout: float = 2.0) -> bool:
        """Wait (briefly) for queued writes, before reading what they wrote."""
        return self._writer is None or self._writer.flush(timeout)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Toasts show their text as written: messages carry titles, paths and errors."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def grader(self) -> Grader:
        """The warm grader, started the first time a kata needs it."""
        if self._grader is None:
            from coach.grading.grader import Grader

            self._grader = Grader()
        return self._grader

    def grader_for(self, kata: Kata) -> Grader:
        """The grader, with its spare worker preparing ``kata``'s suite."""
        if self._grader is None:
            from coach.grading.grader import Grader

            self._grader = Grader(kata=kata)
        else:
            self._grader.prime(kata)
        return self._grader

    # -- navigation ----------------------------------------------------------------
    def on_mount(self) -> None:
        from coach.tui.screens.home import HomeScreen

        self._exit_on_signals()

        saved = settings.load().get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, lambda theme: settings.save(theme=theme.name))
        self.push_screen(HomeScreen())
        if self.mode == "rapid":
            self.start_drill(**self.drill_options)
        elif self.mode == "mock":
            self.start_mock(self.drill_options.get("mock"))
        elif self.mode == "kata":
            if self.start_kata is not None:
                self.open_kata(self.start_kata)
            else:
                self.show_katas(pattern=self.drill_options.get("pattern"))

    def _exit_on_signals(self) -> None:
        """SIGTERM and SIGHUP (the terminal closed) exit like ctrl+q, so screens save what they hold."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread
                loop.add_signal_handler(sig, self.exit)

    def start_drill(self, **options: Any) -> None:
        from coach.tui.screens.rapid import RapidScreen

        self.push_screen(RapidScreen(**options))

    def start_mock(self, options: MockOptions | None = None) -> None:
        """A mock interview (the default options when None)."""
        from coach.tui.screens.mock import MockScreen

        self.push_screen(MockScreen(options))

    def show_katas(self, pattern: str | None = None) -> None:
        from coach.tui.screens.katas import KataListScreen

        self.push_screen(KataListScreen(pattern=pattern))

    def open_kata(self, kata: Kata) -> None:
        from coach.tui.screens.workbench import WorkbenchScreen

        self.push_screen(WorkbenchScreen(kata))

    def show_stats(self) -> None:
        from coach.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        import asyncio
        import signal

        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                asyncio.get_running_loop().remove_signal_handler(sig)
        if self._grader is not None:
            self._grader.close()
        if self._writer is not None:
            self._writer.on_change = None
            self.unsaved = self._writer.close(timeout=5)  # the CLI says what could not be saved
        if self._store is not None:
            self._store.close()


def make_app(*, library: Library | None = None, mode: str = "home", **options: Any) -> CoachApp:
    """Build the app: ``mode`` is home, rapid or kata; options come from the CLI.

    Without a ``library`` the content loads when first needed.
    """
    return CoachApp(library=library, mode=mode, **options)
