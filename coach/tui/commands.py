"""Command palette entries: "Open kata: …" and "Drill topic: …"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from coach.tui.app import CoachApp


class CoachCommands(Provider):
    def _entries(self) -> list[tuple[str, object, str]]:
        app: CoachApp = self.app  # type: ignore[assignment]
        entries = []
        for kata in app.library.katas:
            entries.append((f"Open kata: {kata.title}", partial(app.open_kata, kata),
                            f"{kata.difficulty} · {', '.join(kata.topics)}"))
        for deck in app.library.decks:
            entries.append((f"Drill topic: {deck.title}", partial(app.start_drill, topic=deck.topic),
                            f"{len(deck.questions)} questions"))
        entries.append(("Drill everything (cram)", partial(app.start_drill, cram=True),
                        "every card, ignoring the schedule"))
        entries.append(("Show stats", app.show_stats, "mastery, reviews, katas"))
        return entries

    async def discover(self) -> Hits:
        for text, command, help_text in self._entries():
            if text.startswith(("Drill topic", "Show")):
                yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)
