"""Every key, screen by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Keys

**Everywhere**: `ctrl+p` command palette (open a kata, drill a topic, change theme) ·
`f1` this help · `ctrl+q` quit

**Home**: `r` rapid fire · `k` katas · `s` stats · `?` help · `q` quit

**Rapid fire**: `space` reveal the answer · `enter` or `t` type your answer first, then
`enter` to check it · after revealing, `1` Again · `2` Hard · `3` Good · `4` Easy, or
`enter` to accept the suggested rating · `escape` end the session

**Katas**: type to filter · `up`/`down` move · `enter` open · `escape` back

**Workbench**: `ctrl+r` run the tests (again to cancel and restart) · `ctrl+s` save ·
`ctrl+g` next hint · `ctrl+o` edit in `$VISUAL`/`$EDITOR` · `ctrl+l` show the solution ·
`ctrl+t` reset to the starter · `f2` show or hide the README · `escape` leave the editor,
then `escape` back. The draft is a file: save it from any editor and coach reloads it
and runs the tests.

**Stats**: `escape` back

## Ratings
*Again*: you did not know it. *Hard*: you got there, with effort or gaps.
*Good*: you knew it. *Easy*: instantly, and you would not need to see it soon.
"""


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
