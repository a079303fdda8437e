"""The mock's coding round: the ordinary workbench, with the interview's clock on top.

Everything the workbench does works here (runs, hints, the draft file); hints
cost points, and neither the reference solution nor the user's previous draft of
the kata can be shown: as in an interview, nothing written before the mock helps. ``f5`` hands the code in;
escape asks to end the whole mock. The mock screen below owns the session: this
screen tells it about runs and hints and hands over the code.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from coach.content.models import Kata
from coach.grading.events import RunResult
from coach.tui.screens.workbench import WorkbenchScreen
from coach.tui.text import plain


class MockWorkbench(WorkbenchScreen):
    BINDINGS = [
        Binding("f5", "hand_in", "Hand in", priority=True, tooltip="hand the code in and go to the wrap-up"),
        Binding("escape", "end_mock", "End mock", tooltip="end the mock now (asks first; a partial scorecard is kept)"),
    ]
    DEFAULT_CSS = """
    MockWorkbench #mock-clock { height: 1; padding: 0 1; background: $boost; }
    MockWorkbench #mock-clock.urgent { color: $error; text-style: bold; }
    """

    def __init__(self, kata: Kata, *, on_run: Callable[[RunResult, str], None], on_hint: Callable[[], None],
                 on_hand_in: Callable[[], None], on_end: Callable[[], None]) -> None:
        super().__init__(kata)
        self.on_run = on_run
        self.on_hint = on_hint
        self.on_hand_in = on_hand_in
        self.on_end = on_end
        self._clock = ("", False)

    schedules = False  # a mock's session is scored by the mock, never rated for the scheduler

    def _comes_back(self, text: str, *, fresh: bool = True) -> str:
        return super()._comes_back(text, fresh=True)  # an interview starts from the starter

    def _set_aside_notice(self, kept: str | None) -> str:
        where = f" (it is kept in {kept})" if kept else ""
        return (f"{self.kata.title} starts from the starter, as in an interview: your previous draft is "
                f"set aside and stays hidden until the mock is over{where}.")

    def compose(self) -> ComposeResult:
        yield Static(id="mock-clock")
        yield from super().compose()

    def on_mount(self) -> None:
        # Textual runs WorkbenchScreen.on_mount after this one (handlers run down the MRO)
        self.show_clock(*self._clock)
        self.call_later(setattr, self, "sub_title", f"Mock interview · {self.kata.title} · {self.kata.difficulty}")

    def show_clock(self, text: str, urgent: bool) -> None:
        self._clock = (text, urgent)
        for clock in self.query("#mock-clock").results(Static):  # none before the screen is composed
            clock.update(plain(text))
            clock.set_class(urgent, "urgent")

    def code(self) -> str:
        """The code as it stands in the editor (also while the screen closes; the draft before it opens)."""
        editor = getattr(self, "_editor_widget", None)
        if editor is not None:
            return editor.text
        draft = getattr(self, "draft", None)
        return draft.text if draft is not None and draft.text is not None else ""

    # -- the workbench's hooks -----------------------------------------------------
    def ran(self, result: RunResult) -> None:
        self.on_run(result, self.code())

    def hinted(self, shown: int) -> None:
        self.on_hint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "solution", "previous"):  # no peeking, and escape ends the mock instead
            return False
        return super().check_action(action, parameters)

    def action_hand_in(self) -> None:
        self.save()
        self.on_hand_in()

    def action_end_mock(self) -> None:
        self.on_end()
