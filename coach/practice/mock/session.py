"""A mock interview in progress: which round, what is asked, how much time is left.

The session never reads the wall clock itself: ``clock`` (Unix seconds) is
injected, so tests drive every time box with a fake one. Time a round leaves
unused (the user finished early) carries over to the next round, so the total
clock only ever counts down with the wall clock. Each method that
changes the mock returns the :class:`Answer` rows to save, in order; the
screen hands them to the write queue the moment they exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from coach.content.models import Question
from coach.practice.mock.models import CODE, END, FINISHED, FOLLOW_UP, PARTIAL, QUESTION, REVIEW, Answer, MockRecord
from coach.practice.mock.plan import CODING, CONCEPTS, ROUNDS, WARMUP, WRAPUP, Plan, PlannedQuestion
from coach.practice.scoring import Score

Scorer = Callable[[str, Question], Score]
HINT_COST = 0.1  # each hint costs this share of the kata's score


@dataclass(frozen=True)
class Prompt:
    """What the interviewer is asking now."""

    round: str
    kind: str  # QUESTION or FOLLOW_UP
    position: int  # the card's place in its round
    number: int  # 1-based, for "question 2 of 5"
    of: int
    planned: PlannedQuestion

    @property
    def text(self) -> str:
        return (self.planned.follow_up or "") if self.kind == FOLLOW_UP else self.planned.question


def kata_score(passed: int, total: int, hints: int) -> float:
    """Share of tests passed, less ``HINT_COST`` per hint, never below 0."""
    if total <= 0:
        return 0.0
    return max(0.0, passed / total - HINT_COST * hints)


class MockSession:
    def __init__(self, plan: Plan, *, clock: Callable[[], float], questions: dict[str, Question],
                 scorer: Scorer, started_at: float | None = None) -> None:
        self.plan = plan
        self.clock = clock
        self.questions = questions
        self.scorer = scorer
        now = clock()
        self.record = MockRecord(started_at=now if started_at is None else started_at, plan=plan)
        self.rounds = [r for r in ROUNDS if self._has(r)]
        self.index = 0
        self.round_started = now
        self.carried = 0.0  # seconds the current round has on top of its time box, left by earlier rounds
        self.position = 0
        self.follow_up = False
        self.hints = 0
        self.kata: dict[str, Any] = {"status": "not run", "passed": 0, "total": 0, "runs": 0}
        self.code = ""  # the code as handed in
        self.ran_code: str | None = None  # the code the last finished run graded
        self.coding_used: float | None = None  # seconds, once the coding round is over

    def begin(self) -> None:
        """Start the first round's clock now (when its first question is on screen)."""
        if self.index == 0 and not self.record.answers:
            self.round_started = self.clock()

    def _has(self, name: str) -> bool:
        return {WARMUP: bool(self.plan.warmup), CONCEPTS: bool(self.plan.concepts),
                CODING: self.plan.kata is not None, WRAPUP: True}[name]

    # -- where we are ----------------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.record.ended_at is not None

    @property
    def round(self) -> str:
        return self.rounds[min(self.index, len(self.rounds) - 1)]

    @property
    def round_number(self) -> int:
        return self.index + 1

    def round_box(self) -> float:
        """The current round's time box: its planned seconds and what earlier rounds left unused."""
        return self.plan.seconds[self.round] + self.carried

    def round_left(self) -> float:
        return max(0.0, self.round_box() - (self.clock() - self.round_started))

    def total_left(self) -> float:
        later = sum(self.plan.seconds[r] for r in self.rounds[self.index + 1:])
        return self.round_left() + later

    def expired(self) -> bool:
        return not self.ended and self.round_left() <= 0

    def prompt(self) -> Prompt | None:
        if self.ended or self.round not in (WARMUP, CONCEPTS):
            return None
        items = self._items()
        if self.position >= len(items):
            return None
        kind = FOLLOW_UP if self.follow_up else QUESTION
        return Prompt(self.round, kind, self.position, self.position + 1, len(items), items[self.position])

    def _items(self) -> Sequence[PlannedQuestion]:
        return self.plan.warmup if self.round == WARMUP else self.plan.concepts if self.round == CONCEPTS else ()

    # -- answering ---------------------------------------------------------------
    def _answer(self, prompt: Prompt, text: str, **extra: Any) -> Answer:
        planned = prompt.planned
        score: float | None = None
        detail: dict[str, Any] = {"topic": planned.topic, "deck": planned.deck, **extra}
        if prompt.kind == QUESTION:
            question = self.questions.get(planned.id)
            if question is not None and text.strip():
                result = self.scorer(text, question)
                detail.update(hits=[k.label for k in result.hits], misses=[k.label for k in result.misses],
                              suggested=result.suggested)
                score = result.ratio
            else:
                detail.update(hits=[], misses=[k.label for k in question.keywords] if question else [])
                score = 0.0 if question is not None else None
        return Answer(prompt.round, prompt.kind, prompt.position, planned.id, prompt.text, text, score, detail,
                      self.clock())

    def submit(self, text: str) -> list[Answer]:
        """Hand in the answer to the current prompt and move on (to the next round at the end)."""
        prompt = self.prompt()
        if prompt is None:
            return []
        saved = self._keep([self._answer(prompt, text)])
        if prompt.round == CONCEPTS and not self.follow_up:
            self.follow_up = True
            return saved
        self.follow_up = False
        self.position += 1
        if self.position >= len(self._items()):
            saved += self.next_round()
        return saved

    def kata_ran(self, status: str, passed: int, total: int, code: str, *, final: bool = False) -> list[Answer]:
        """A finished run: its result stands until the next one. ``final``: coach ran the
        code as handed in, because it changed after the user's last run (or was never run)."""
        self.kata.update(status=status, passed=passed, total=total, runs=self.kata["runs"] + 1)
        if final:
            self.kata["final_run"] = True
        self.code = self.ran_code = code
        return self._keep([self._code_answer()])

    def needs_final_run(self) -> bool:
        """The code handed in was not what the last run graded."""
        return bool(self.code.strip()) and self.code != self.ran_code

    def kata_hint(self) -> None:
        self.hints += 1

    def _code_answer(self) -> Answer:
        kata = self.plan.kata
        assert kata is not None
        used = self.coding_used
        if used is None:
            used = min(self.round_box(), self.clock() - self.round_started)
        detail = {**self.kata, "hints": self.hints, "seconds": round(used, 1), "topics": list(kata.topics)}
        return Answer(CODING, CODE, 0, kata.slug, kata.title, self.code,
                      kata_score(self.kata["passed"], self.kata["total"], self.hints), detail, self.clock())

    def review(self, checks: Sequence[bool], note: str) -> list[Answer]:
        """The wrap-up's self-review: the checklist as ticked and one line on what to do better."""
        ticked = [bool(c) for c in checks]
        return self._keep([Answer(WRAPUP, REVIEW, 0, WRAPUP, "Self-review", note.strip(),
                       sum(ticked) / len(ticked) if ticked else 0.0,
                       {"checks": ticked, "items": list(self.plan.checklist)}, self.clock())])

    # -- moving on -----------------------------------------------------------------
    def next_round(self, *, timed_out: bool = False, early: bool = False) -> list[Answer]:
        """Close the current round (time ran out, the user moved on, or the mock ends)."""
        if self.ended:
            return []
        name = self.round
        saved: list[Answer] = []
        box = self.round_box()
        used = min(box, self.clock() - self.round_started)
        if name == CODING:
            saved.append(self._code_answer())
            self.coding_used = used
        saved.append(Answer(name, END, 0, name, "", "", None,
                            {"used": round(used, 1), "box": round(box, 1), "timed_out": timed_out, "early": early},
                            self.clock()))
        self.index += 1
        self.carried = 0.0 if early or self.index >= len(self.rounds) else box - used
        self.round_started = self.clock()
        self.position, self.follow_up = 0, False
        if self.index >= len(self.rounds):
            self._close(FINISHED, None)
        return self._keep(saved)

    def time_up(self, typed: str = "") -> list[Answer]:
        """The round's time ran out: what is typed counts as the answer, then the next round."""
        saved = self._typed(typed, timed_out=True)
        return saved + self.next_round(timed_out=True)

    def _typed(self, typed: str, **extra: Any) -> list[Answer]:
        prompt = self.prompt()
        if prompt is None or not typed.strip():
            return []
        return self._keep([self._answer(prompt, typed, **extra)])

    def end_early(self, typed: str = "") -> list[Answer]:
        """The user ends the mock (escape, quitting the app): a partial scorecard of what was done."""
        if self.ended:
            return []
        name = self.round
        saved = self._typed(typed, when_ended=True)
        saved += self.next_round(early=True)
        self._close(PARTIAL, name)
        return saved

    def _close(self, status: str, ended_in: str | None) -> None:
        self.record.status = status
        self.record.ended_in = ended_in
        self.record.ended_at = self.clock()

    def _keep(self, answers: list[Answer]) -> list[Answer]:
        """Put answers in the record (the scorecard is built from it), replacing older
        copies of the same one (the code, after each run); returns them."""
        new = {(a.round, a.kind, a.position) for a in answers}
        self.record.answers = [a for a in self.record.answers if (a.round, a.kind, a.position) not in new]
        self.record.answers.extend(answers)
        return answers
