"""The Textual app and the one factory the CLI and the tests share."""

from __future__ import annotations

import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from textual.app import App
from textual.binding import Binding

from coach import settings
from coach.tui.commands import CoachCommands

if TYPE_CHECKING:  # imported when first used: the first frame does not wait for them
    from coach.content.library import Library
    from coach.content.models import Kata
    from coach.practice.queue import QuestionSet
    from coach.practice.store import Store


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
        self._grader = None

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
            from coach.practice.store import Store

            self._store = Store.open(self._store_path)
            if self._store.notice:
                self.notify(self._store.notice, title="Progress file replaced", severity="warning", timeout=15)
        return self._store

    @property
    def grader(self):
        """The warm grader, started the first time a kata needs it."""
        if self._grader is None:
            from coach.grading.grader import Grader

            self._grader = Grader()
        return self._grader

    def grader_for(self, kata: Kata):
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

        saved = settings.load().get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, lambda theme: settings.save(theme=theme.name))
        self.push_screen(HomeScreen())
        if self.mode == "rapid":
            self.start_drill(**self.drill_options)
        elif self.mode == "kata":
            if self.start_kata is not None:
                self.open_kata(self.start_kata)
            else:
                self.show_katas()

    def start_drill(self, **options: Any) -> None:
        from coach.tui.screens.rapid import RapidScreen

        self.push_screen(RapidScreen(**options))

    def show_katas(self) -> None:
        from coach.tui.screens.katas import KataListScreen

        self.push_screen(KataListScreen())

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
        if self._grader is not None:
            self._grader.close()
        if self._store is not None:
            self._store.close()


def make_app(*, library: Library | None = None, mode: str = "home", **options: Any) -> CoachApp:
    """Build the app: ``mode`` is home, rapid or kata; options come from the CLI.

    Without a ``library`` the content loads when first needed.
    """
    return CoachApp(library=library, mode=mode, **options)
