"""Command palette entries: "Open kata: …" and "Drill topic: …"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from coach.tui.text import escaped

Entry = tuple[str, Callable[[], Any], str]


class CoachCommands(Provider):
    def _entries(self) -> list[Entry]:
        from coach.tui.app import CoachApp

        app = self.app
        assert isinstance(app, CoachApp)
        entries: list[Entry] = []
        for kata in app.library.katas:
            entries.append((f"Open kata: {kata.title}", partial(app.open_kata, kata),
                            f"{kata.difficulty} · {', '.join(kata.topics)}"))
        for deck in app.library.decks:
            entries.append((f"Drill topic: {deck.title}", partial(app.start_drill, topic=deck.topic),
                            f"{len(deck.questions)} questions"))
        entries.append(("Drill everything (cram)", partial(app.start_drill, cram=True),
                        "every card, ignoring the schedule"))
        entries.append(("Show stats", app.show_stats, "mastery, reviews, katas"))
        from coach.practice.mock.plan import MockOptions

        for track, name in (("mixed", "Python and FastAPI"), ("python", "Python"), ("fastapi", "FastAPI")):
            entries.append((f"Mock interview: {name}", partial(app.start_mock, MockOptions(track=track)),
                            "45 minutes: warm-up, concepts, a kata, wrap-up, then a scorecard"))
        return entries

    async def discover(self) -> Hits:
        for text, command, help_text in self._entries():
            if text.startswith(("Drill topic", "Show", "Mock")):
                yield DiscoveryHit(Content(text), command, text=text, help=escaped(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), command, text=text, help=escaped(help_text))


def highlight(matcher: Matcher, text: str) -> Content:
    """The entry as written, matched letters styled (Textual's own ``highlight``
    parses the entry as markup, so a kata titled ``[b]x`` would break it)."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
