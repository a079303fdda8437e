"""What a mock records: each answer as it is submitted, and the mock itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coach.practice.mock.plan import Plan

QUESTION, FOLLOW_UP, CODE, REVIEW, END = "question", "follow_up", "code", "review", "end"
RUNNING, FINISHED, PARTIAL = "running", "finished", "partial"


@dataclass(frozen=True)
class Answer:
    """One thing the user handed in, saved the moment it was submitted.

    ``kind`` is a typed answer to a question or a follow-up, the kata's code
    (``detail``: tests passed, total, hints, seconds), the wrap-up review
    (``detail``: the ticked checklist) or a round's end (``detail``: seconds
    used, whether time ran out).
    """

    round: str
    kind: str
    position: int
    item: str  # card id, kata slug or round name
    prompt: str
    text: str
    score: float | None
    detail: dict[str, Any]
    at: float


@dataclass(frozen=True)
class Focus:
    """One of the weakest areas of a mock and what to practise for it."""

    area: str  # a deck topic ("concurrency") or "kata:<slug>"
    title: str
    score: float
    cards: tuple[str, ...] = ()
    katas: tuple[str, ...] = ()

    @property
    def topic(self) -> str | None:
        """The deck topic, for a question area."""
        return None if self.area.startswith("kata:") else self.area

    def to_json(self) -> dict[str, Any]:
        return {"area": self.area, "title": self.title, "score": self.score, "cards": list(self.cards),
                "katas": list(self.katas)}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Focus:
        return cls(str(doc["area"]), str(doc.get("title", doc["area"])), float(doc.get("score", 0.0)),
                   tuple(doc.get("cards", ())), tuple(doc.get("katas", ())))


@dataclass
class MockRecord:
    """A mock as stored: its plan, what was answered, and how it ended."""

    started_at: float
    plan: Plan
    answers: list[Answer] = field(default_factory=list)
    status: str = RUNNING
    ended_at: float | None = None
    ended_in: str | None = None
    focus: list[Focus] = field(default_factory=list)
    id: int | None = None

    @property
    def partial(self) -> bool:
        return self.status != FINISHED

    def of(self, round_name: str, kind: str) -> list[Answer]:
        return sorted((a for a in self.answers if a.round == round_name and a.kind == kind),
                      key=lambda a: a.position)

    def ending(self, round_name: str) -> Answer | None:
        ends = self.of(round_name, END)
        return ends[0] if ends else None

    @property
    def duration(self) -> float | None:
        if self.ended_at is None:
            return None
        return max(0.0, self.ended_at - self.started_at)
