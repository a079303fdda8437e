"""Every key, screen by screen, read from the screens' own bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from coach.tui.keys import keys_by_action
from coach.tui.screens.base import CoachModal

RATINGS = """\
## Ratings
*Again*: you did not know it. *Hard*: you got there, with effort or gaps.
*Good*: you knew it. *Easy*: instantly, and you would not need to see it soon.

## Drafts
A kata's draft is a file (its path is on the workbench's status line): edit it in
any editor and coach reloads it and runs the tests.
"""


def _code(keys: str) -> str:
    return " ".join(f"`{k}`" for k in keys.split("/"))


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(screen name, [(keys, what they do)]) for every screen, from its BINDINGS."""
    from coach.tui.app import CoachApp
    from coach.tui.screens.home import HomeScreen
    from coach.tui.screens.katas import KataListScreen
    from coach.tui.screens.mock import MockScreen
    from coach.tui.screens.mock_scorecard import MockScorecardScreen
    from coach.tui.screens.mock_workbench import MockWorkbench
    from coach.tui.screens.rapid import RapidScreen
    from coach.tui.screens.stats import StatsScreen
    from coach.tui.screens.workbench import WorkbenchScreen
    from coach.tui.widgets.editor import CodeEditor

    everywhere: list[BindingType] = [
        Binding(CoachApp.COMMAND_PALETTE_BINDING, "palette",
                "command palette: open a kata, drill a topic, new cards per day, unsuspend, theme"),
        *CoachApp.BINDINGS]
    return [
        ("Everywhere", keys_by_action(everywhere)),
        ("Home", keys_by_action(HomeScreen.BINDINGS)),
        ("Rapid fire", keys_by_action(RapidScreen.BINDINGS)),
        ("Kata list", [("type", "filter by title, pattern, topic or difficulty"),
                       *keys_by_action(KataListScreen.BINDINGS)]),
        ("Workbench", keys_by_action(WorkbenchScreen.BINDINGS) + keys_by_action(CodeEditor.BINDINGS)),
        ("Stats", keys_by_action(StatsScreen.BINDINGS)),
        ("Mock interview", keys_by_action([*MockScreen.BINDINGS, *MockWorkbench.BINDINGS,
                                           *MockScorecardScreen.BINDINGS])),
    ]


def help_markdown() -> str:
    parts = ["# Keys"]
    for name, keys in sections():
        rows = "\n".join(f"- {_code(k)} {text}" for k, text in keys)
        parts.append(f"## {name}\n\n{rows}")
    parts.append(RATINGS)
    return "\n\n".join(parts)


class HelpScreen(CoachModal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(help_markdown())

    def action_close(self) -> None:
        self.dismiss(None)
