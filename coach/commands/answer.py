"""``coach answer CARD_ID [--deck PATH] [--json]``: score a typed answer read on stdin."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coach.content.library import load_folder, load_library, unknown
from coach.content.models import Question
from coach.errors import CoachError
from coach.practice.scoring import HIT, NEGATED, Idea, Score, score_question

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def _card(card_id: str, deck: str | None) -> Question:
    lib = load_folder(Path(deck).expanduser()) if deck else load_library(katas=False)
    for question in lib.questions:
        if question.id == card_id:
            return question
    if deck and lib.problems:
        raise CoachError(f"cannot load {deck}: {lib.problems[0]}")
    raise CoachError(unknown("card", card_id, [q.id for q in lib.questions]))


def _read_answer() -> str:
    if sys.stdin is None:
        raise CoachError("no answer: pipe or type one on standard input")
    if sys.stdin.isatty():
        print("Type your answer, then ctrl-d on a line of its own:", file=sys.stderr)
    try:
        text = sys.stdin.read()
    except UnicodeDecodeError:
        raise CoachError("the answer on standard input is not valid UTF-8 text") from None
    if not text.strip():
        raise CoachError("no answer on standard input")
    return text


def _idea_json(idea: Idea) -> dict[str, Any]:
    item: dict[str, Any] = {"idea": idea.label, "forms": list(idea.keyword.forms)}
    if idea.said is not None:  # a meaning hit has no form: the clause close in meaning is what was said
        item.update(form=idea.form, said=idea.said, span=list(idea.span) if idea.span else None, via=idea.via)
    if idea.status == NEGATED:
        item["cancelled_by"] = idea.cue
    return item


def to_json(question: Question, result: Score) -> dict[str, Any]:
    return {
        "card": question.id,
        "suggested": result.suggested,
        "rating": RATINGS[result.suggested],
        "mixed": result.mixed,
        "meaning": None if result.closeness is None else round(result.closeness, 3),
        "raised_by_meaning": result.by_meaning,
        "hits": [_idea_json(i) for i in result.ideas if i.status == HIT],
        "misses": [_idea_json(i) for i in result.asked if i.status != HIT],
        "not_asked": [i.label for i in result.ideas if i not in result.asked],
    }


def human(question: Question, result: Score, unicode: bool = True) -> str:
    yes, no, near, arrow = ("✓", "✗", "≈", "←") if unicode else ("+", "-", "~", "<-")
    lines = [f"{question.id}: {' '.join(question.question.split())}"]
    for idea in result.asked:
        if idea.status == HIT:
            said = " ".join((idea.said or "").split())
            echo = said.casefold() == idea.label.casefold()
            if idea.via == "meaning":  # a clause close in meaning to the model answer's sentence about it
                said = said if len(said) <= 60 else said[:59].rstrip() + "…"
                lines.append(f"  {near} {idea.label} {arrow} \"{said}\" (close in meaning)")
                continue
            lines.append(f"  {yes} {idea.label}" + ("" if echo else f" {arrow} {said}"))
        elif idea.status == NEGATED:
            why = {"hedged": "in a hedged sentence", "stated positively": "stated positively: the idea is a "
                   "negative"}.get(idea.cue or "", f"cancelled by \"{idea.cue}\"")
            lines.append(f"  {no} {idea.label} (you wrote \"{idea.said}\", {why})")
        else:
            lines.append(f"  {no} {idea.label}")
    hit = sum(i.hit for i in result.asked)
    lines.append(f"{hit} of {len(result.asked)} key ideas. "
                 f"Suggested: {result.suggested} {RATINGS[result.suggested]}"
                 + (" (close in meaning to the model answer)" if result.by_meaning else ""))
    if result.mixed:
        lines.append("Mixed evidence: compare your answer with the model answer before you rate it "
                     "(rapid fire preselects no rating).")
    return "\n".join(lines)


def run_answer(args: argparse.Namespace) -> int:
    question = _card(args.card, args.deck)
    answer = _read_answer()
    result = score_question(answer, question, wait=True)
    if args.json:
        print(json.dumps(to_json(question, result), indent=2, ensure_ascii=False))
    else:
        encoding = (sys.stdout.encoding or "").lower()
        print(human(question, result, unicode="utf" in encoding))
    return 0
