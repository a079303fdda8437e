"""A scorecard as Markdown (``coach mock --export FILE``): the verdict, each round's
score, then every question with the user's answer beside the model answer, and the code."""

from __future__ import annotations

import re
import time

from coach.practice.mock.models import CODE, FOLLOW_UP, QUESTION, REVIEW, RUNNING, Answer
from coach.practice.mock.plan import CODING, CONCEPTS, WARMUP, WRAPUP, PlannedQuestion
from coach.practice.mock.scorecard import Scorecard, clock, rounds_table


def fenced(text: str, info: str = "") -> str:
    """``text`` in a code fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _count(n: int, noun: str) -> str:
    """``1 hint``, ``2 hints``, ``0 hints``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def _said(answer: Answer | None, asked: bool = True) -> list[str]:
    if answer is None or not answer.text.strip():
        return ["*No answer.*" if asked else "*Not asked: the mock ended first.*"]
    lines = ["**Your answer:**", "", fenced(answer.text, "text")]
    if answer.detail.get("when_ended"):
        lines += ["", "*(typed when the mock was ended)*"]
    if answer.kind == QUESTION and answer.score is not None:
        hits, misses = answer.detail.get("hits", []), answer.detail.get("misses", [])
        lines += ["", f"Key ideas hit: {', '.join(hits) or 'none'} ({answer.score:.0%}). "
                      f"Missed: {', '.join(misses) or 'none'}."]
    return lines


def _question(n: int, q: PlannedQuestion, answers: dict[tuple[str, int], Answer], position: int,
              follow: bool, reached: int) -> list[str]:
    """One question; ``reached``: how far its round got (positions past it were never asked)."""
    lines = [f"### {n}. {q.question}", "", *_said(answers.get((QUESTION, position)), position <= reached), "",
             "**Model answer:**", "", q.answer.strip(), ""]
    if follow and q.follow_up:
        lines += [f"**Follow-up:** {q.follow_up}", "",
                  *_said(answers.get((FOLLOW_UP, position)), (QUESTION, position) in answers), ""]
    return lines


def _reached(card: Scorecard, name: str, answers: dict[tuple[str, int], Answer]) -> int:
    """The last position asked in a round: all of them unless the mock ended in or before it."""
    state = next((r.state for r in card.rounds if r.round == name), "not reached")
    if state == "not reached":
        return -1
    if state == "ended early":
        last = max((position for _, position in answers), default=-1)
        typed_at_end = any(a.detail.get("when_ended") for (_, p), a in answers.items() if p == last)
        return last if typed_at_end else last + 1
    return 10**6


def _prose(text: str) -> str:
    """A user's line as literal Markdown text."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text.replace("\n", " "))


def render(card: Scorecard) -> str:
    """The whole scorecard as a Markdown document."""
    record, plan = card.record, card.record.plan
    o = plan.options
    status = ("finished" if not record.partial else "unfinished (still running, or the app was stopped)"
              if record.status == RUNNING else f"partial (ended in the {record.ended_in} round)")
    lines = [f"# Mock interview, {_when(record.started_at)}", "",
             f"Track **{o.track}**, level **{o.level}**, {o.minutes} minutes"
             + (f", seed {o.seed}" if o.seed is not None else "")
             + f"; {status}; took {clock(record.duration)}.", "",
             f"**Verdict:** {card.verdict}", ""]
    if card.overall is not None:
        lines += [f"**Overall:** {card.overall:.0%}", ""]
    lines += ["| round | score | what was scored | how it ended |", "|---|---|---|---|"]
    lines += [f"| {_cell(a)} | {b} | {_cell(c)} | {d} |" for a, b, c, d in rounds_table(card)]
    lines += ["", "How each round is scored: " + "; ".join(f"{r.title.lower()}: {r.how}" for r in card.rounds) + ".",
              ""]
    if card.weakest:
        lines += ["## Practise next", ""]
        for focus in card.weakest:
            what = [f"cards {', '.join(focus.cards)}" if focus.cards else "",
                    f"katas {', '.join(focus.katas)}" if focus.katas else ""]
            lines.append(f"- **{focus.title}** ({focus.score:.0%}): " + "; ".join(w for w in what if w))
        lines.append("")
    for name, planned, follow in ((WARMUP, plan.warmup, False), (CONCEPTS, plan.concepts, True)):
        if not planned:
            continue
        answers = {(a.kind, a.position): a for a in record.answers if a.round == name}
        lines += [f"## {'Warm-up' if name == WARMUP else 'Concepts'}", ""]
        reached = _reached(card, name, answers)
        for i, q in enumerate(planned):
            lines += _question(i + 1, q, answers, i, follow, reached)
    if plan.kata is not None:
        lines += [f"## Coding: {plan.kata.title}", "", f"{plan.kata.difficulty}, {', '.join(plan.kata.topics)}", ""]
        codes = record.of(CODING, CODE)
        if codes:
            d = codes[0].detail
            tests = (f"{d.get('passed', 0)}/{d.get('total', 0)} tests passed ({d.get('status')})" if d.get("runs")
                     else "Tests never run")
            lines += [f"{tests}, {_count(d.get('hints', 0), 'hint')}, {clock(d.get('seconds'))} used.", "",
                      fenced(codes[0].text or "# (empty)", "python"), ""]
        else:
            lines += ["*No code handed in.*", ""]
    reviews = record.of(WRAPUP, REVIEW)
    if reviews:
        review = reviews[0]
        lines += ["## Wrap-up", ""]
        items = review.detail.get("items", plan.checklist)
        checks = review.detail.get("checks", [])
        lines += [f"- [{'x' if ticked else ' '}] {item}" for item, ticked in zip(items, checks, strict=False)]
        lines += ["", f"**What to do better:** {_prose(review.text) if review.text else '(nothing written)'}", ""]
    return "\n".join(lines).rstrip() + "\n"
