"""A small, fixed library and helpers for driving the TUI in tests."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from coach.content.library import Library, load_library
from coach.content.models import Deck, Keyword, Question

NOON = 1_780_315_200.0  # 2026-06-01 12:00 UTC: a fixed "now" for stable screens


def card(qid: str, question: str, answer: str, keywords, level="basic", order=0, topic="python") -> Question:
    return Question(id=qid, question=question, answer=answer,
                    keywords=tuple(Keyword(k if isinstance(k, tuple) else (k,)) for k in keywords),
                    level=level, tags=("demo",), topic=topic, deck=topic.title(), order=order)


def library() -> Library:
    bundled = load_library(questions=False, user=False)
    questions = (
        card("py-gil", "What is the GIL?",
             "The **global interpreter lock** lets one thread run Python bytecode at a time.\n\n"
             "| work | use |\n|---|---|\n| I/O-bound | threads or asyncio |\n| CPU-bound | processes |\n\n"
             "```python\nimport threading\nprint(threading.active_count())\n```",
             [("GIL", "global interpreter lock"), "thread", "bytecode", "processes"]),
        card("py-is", "What is the difference between `is` and `==`?",
             "`==` compares values; `is` compares identity.", ["identity", ("value", "equality")], order=1),
        card("api-depends", "What does `Depends` do?", "It declares a dependency FastAPI resolves per request.",
             ["dependency", "request"], level="intermediate", order=2, topic="fastapi"),
    )
    decks = [Deck("python", "Python", Path("python.yaml"), questions[:2]),
             Deck("fastapi", "FastAPI", Path("fastapi.yaml"), questions[2:])]
    katas = [k for k in bundled.katas if k.slug in ("two_sum", "throttle", "rate_limiter")]
    return Library(decks=decks, katas=katas)


def make(mode: str = "home", **options):
    from coach.tui.app import make_app

    return make_app(library=library(), mode=mode, clock=lambda: NOON, **options)


async def wait_for(pilot, predicate, timeout: float = 20.0, what: str = "condition", shows=None) -> None:
    """Poll ``predicate``; on timeout fail naming ``what`` and, if given, what ``shows()`` returns then."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            seen = f"; the screen showed {shows()!r}" if shows is not None else ""
            raise AssertionError(f"timed out waiting for {what}{seen}")
        await pilot.pause(0.05)
        await asyncio.sleep(0)
