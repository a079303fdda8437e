"""The Textual app and the one factory the CLI and the tests share."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.message import Message
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


class WritesChanged(Message):
    """The write queue's state changed. Posted from the writer's thread: posting never waits
    for the UI, which may itself be waiting for the queue (``CoachApp.saved``)."""

    def __init__(self, status: WriteStatus) -> None:
        super().__init__()
        self.status = status


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
        self._store_opened = threading.Event()
        self._opening: threading.Thread | None = None
        self._after_open: list[Callable[[], None]] = []
        self._pending_screen: Callable[[], object] | None = None
        self._store_wait = ""  # set while another program holds the progress file
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
        """The progress file, opened when the app starts (:meth:`_start_store`); scripts and tests
        that never mount the app open it here, on first use."""
        if self._store is None:
            if self._opening is not None:
                self._store_opened.wait()
            else:
                self._set_store(self._open_store())
        assert self._store is not None
        return self._store

    def _open_store(self, wait: float = 30.0, on_wait: Callable[[str], None] | None = None) -> Store:
        from coach.practice import faults
        from coach.practice.store import Store, StoreError, default_path

        path = self._store_path or default_path()
        try:
            return Store.open(path, wait=wait, on_wait=on_wait)
        except StoreError as exc:  # unusable (locked too long, newer coach): run without saving
            if wait < 1 and exc.kind == faults.LOCKED:
                raise
            return Store.memory(path, exc.message)

    def _set_store(self, store: Store) -> None:
        self._store = store
        if store.notice:
            self.notify(store.notice, title="Progress file replaced", severity="warning", timeout=15)
        if store.read_only is not None:
            self.notify(store.read_only, title="Progress is not being saved", severity="error", timeout=30)
        elif store.warning:
            self.notify(store.warning, title="Disk full", severity="warning", timeout=20)

    def _start_store(self) -> None:
        """Open the progress file. When another program holds it locked, wait on a thread with a
        notice on screen (screens that read progress open once it is free), never with a frozen UI."""
        from coach.practice.store import StoreError

        if self._store is not None:
            return
        try:
            self._set_store(self._open_store(wait=0.3))
            return
        except StoreError as exc:
            self._store_wait = f"{exc.path} is locked by another program"
        self.notify(f"{self._store_wait}; coach opens it as soon as it is free (waiting up to 30 s). "
                    "Meanwhile nothing is read or saved.",
                    title="Waiting for your progress file", severity="warning", timeout=30)

        def opener() -> None:
            from coach.practice.store import Store, default_path

            try:
                store = self._open_store()
            except Exception as exc:  # never leave the app waiting for a store that will not come
                store = Store.memory(self._store_path or default_path(), f"the progress file cannot be opened: {exc}")
            self._store = store
            self._store_opened.set()  # first: the UI thread may be waiting for it
            with contextlib.suppress(Exception):  # the app has already closed
                self.call_from_thread(self._opened, store)

        self._opening = threading.Thread(target=opener, name="coach-store-open", daemon=True)
        self._opening.start()

    def _opened(self, store: Store) -> None:
        self._set_store(store)
        self._store_wait = ""
        queued, self._after_open = self._after_open, []
        for step in queued:
            step()
        if self._pending_screen is not None:
            show, self._pending_screen = self._pending_screen, None
            show()

    def _store_is_open(self) -> bool:
        return self._opening is None or (self._store_opened.is_set() and not self._store_wait)

    def when_store_ready(self, step: Callable[[], None]) -> None:
        """Run ``step`` now if the progress file is open, else as soon as it is (in order)."""
        if self._store_is_open():
            step()
        else:
            self._after_open.append(step)

    def _navigate(self, step: Callable[[], object]) -> None:
        """Open a screen that reads progress; while the file is still locked, the last key wins."""
        if self._store_is_open():
            step()
            return
        self._pending_screen = step
        self.notify(f"{self._store_wait}; this opens when it is free.", timeout=5)

    @property
    def writer(self) -> Writer | None:
        """Ratings, attempts and draft copies are saved on this thread, off the UI's, in
        order; None when the store cannot be written (the notice said why)."""
        if self._writer is None and self.store.read_only is None:
            from coach.practice.writer import Writer

            def changed(status: WriteStatus) -> None:
                self.post_message(WritesChanged(status))

            self._writer = Writer(self.store.path, on_change=changed)
        return self._writer

    def on_writes_changed(self, message: WritesChanged) -> None:
        self._writes_changed(message.status)

    def _writes_changed(self, status: WriteStatus) -> None:
        """Say when saving gets stuck (and when it catches up): nothing is dropped silently."""
        if status.error and status.error != self._write_error:
            cause = status.error.removeprefix("not saved yet: ").removeprefix("not saved: ")
            changes = "1 change" if status.pending == 1 else f"{status.pending} changes"
            self.notify(f"{changes} kept, retrying: {cause}", title="Progress not saved yet",
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
        self._start_store()

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

        self._navigate(lambda: self.push_screen(RapidScreen(**options)))

    def start_mock(self, options: MockOptions | None = None) -> None:
        """A mock interview (the default options when None)."""
        from coach.tui.screens.mock import MockScreen

        self.push_screen(MockScreen(options))

    def show_katas(self, pattern: str | None = None) -> None:
        from coach.tui.screens.katas import KataListScreen

        self._navigate(lambda: self.push_screen(KataListScreen(pattern=pattern)))

    def open_kata(self, kata: Kata) -> None:
        from coach.tui.screens.workbench import WorkbenchScreen

        self._navigate(lambda: self.push_screen(WorkbenchScreen(kata)))

    def show_stats(self) -> None:
        from coach.tui.screens.stats import StatsScreen

        self._navigate(lambda: self.push_screen(StatsScreen()))

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
