"""Text from content, users, test runs and the file system is shown as written.

Everything the TUI displays that it did not write itself goes through here:
``plain`` wraps a string so no widget parses it as markup, and ``template``
fills a markup template whose *values* stay plain text (Textual substitutes
``$name`` variables literally). Never build markup with an f-string.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.markup import escape


def plain(text: object) -> Content:
    """``text`` exactly as written, whatever brackets it holds."""
    return Content(str(text))


def template(markup: str, **values: object) -> Content:
    """``markup`` written by coach, with ``$name`` values inserted as plain text."""
    return Content.from_markup(markup, **{name: str(value) for name, value in values.items()})


def cell(text: object, style: str = "") -> Text:
    """A table cell shown as written (DataTable parses plain ``str`` cells as markup)."""
    return Text(str(text), style=style, no_wrap=True, overflow="ellipsis")


def escaped(text: object) -> str:
    """For the few Textual APIs that take only a markup string (command palette help)."""
    return escape(str(text))
