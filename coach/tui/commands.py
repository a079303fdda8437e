"""Command palette entries: "Open kata: …", "Drill topic: …", "New cards per day: …",
"Unsuspend card: …"."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from coach import settings
from coach.tui.text import escaped

if TYPE_CHECKING:
    from coach.tui.app import CoachApp

Entry = tuple[str, Callable[[], Any], str]
NEW_PER_DAY_CHOICES = (0, 5, 10, 15, 20, 30, 50)


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
        entries += _card_settings(app)
        return entries

    async def discover(self) -> Hits:
        for text, command, help_text in self._entries():
            if text.startswith(("Drill topic", "Show", "Unsuspend", "Mock")):
                yield DiscoveryHit(Content(text), command, text=text, help=escaped(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        typed = re.search(r"\d+", query)  # "new 25": offer 25 as well as the usual choices
        extra: list[Entry] = []
        if typed is not None:
            from coach.tui.app import CoachApp

            assert isinstance(self.app, CoachApp)
            extra = _card_settings(self.app, int(typed.group()))
        seen: set[str] = set()
        for text, command, help_text in extra + self._entries():
            if text in seen:
                continue
            seen.add(text)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), command, text=text, help=escaped(help_text))


def _card_settings(app: CoachApp, typed: int | None = None) -> list[Entry]:
    """New cards per day (the choices, or ``typed``), and one entry per suspended card."""
    current = settings.new_per_day()
    choices = [typed] if typed is not None else list(NEW_PER_DAY_CHOICES)
    entries: list[Entry] = [
        (f"New cards per day: {n}", partial(_set_new_per_day, app, n),
         f"now {current}; from the next session on ('coach rapid --new N' for one session)")
        for n in choices if 0 <= n <= settings.MAX_NEW_PER_DAY and n != current]
    if typed is not None:
        return entries
    by_id = app.questions.by_id
    for card_id, _since in app.store.suspended():
        question = by_id.get(card_id)
        entries.append((f"Unsuspend card: {question.question if question else card_id}",
                        partial(_unsuspend, app, card_id), f"{card_id}: back in rapid fire"))
    return entries


def _set_new_per_day(app: CoachApp, count: int) -> None:
    if settings.save(new_per_day=count):
        app.notify(f"New cards per day: {count}, from the next session on.")
    else:
        app.notify("The settings file could not be written; nothing changed.", severity="error")


def _unsuspend(app: CoachApp, card_id: str) -> None:
    from coach.practice.store import StoreError

    writer = app.writer
    try:
        if writer is not None:
            writer.submit(f"unsuspend {card_id}", lambda store: store.release(card_id, "suspended"))
        else:
            app.store.release(card_id, "suspended")
    except StoreError as exc:
        app.notify(exc.message, title="Not unsuspended", severity="error")
        return
    app.notify(f"Unsuspended {card_id}: it comes back in rapid fire.")


def highlight(matcher: Matcher, text: str) -> Content:
    """The entry as written, matched letters styled (Textual's own ``highlight``
    parses the entry as markup, so a kata titled ``[b]x`` would break it)."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
