"""Small builders for practice tests."""

from __future__ import annotations

from coach.content.models import Keyword, Question


def question(qid: str, *, topic: str = "python", level: str = "basic", tags: tuple[str, ...] = (),
             order: int = 0, keywords: tuple[str | tuple[str, ...], ...] = ("closure",)) -> Question:
    return Question(
        id=qid, question=f"Question {qid}?", answer="An answer.",
        keywords=tuple(Keyword(k if isinstance(k, tuple) else (k,)) for k in keywords),
        level=level, tags=tags, topic=topic, deck=topic.title(), order=order,
    )


class FakeClock:
    def __init__(self, start: float = 1_767_225_600.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
