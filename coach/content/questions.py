"""Loading question decks (``questions/<topic>.yaml``) with full validation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from coach.content import fields as f
from coach.content.models import LEVELS, Deck, Keyword, Problem, Question
from coach.content.yamlio import LocDict, YamlError, load_file

_WORD = re.compile(r"[^\W_]", re.UNICODE)


def _form_text(form: Any) -> str | None:
    """A keyword form as text; numbers are fine (``- 429``), booleans and the rest are not."""
    if isinstance(form, str):
        return form
    if isinstance(form, (int, float)) and not isinstance(form, bool):
        return str(form)
    return None


def _keywords(value: Any) -> f.Complaint:
    if not isinstance(value, list):
        return "expected a list of keywords (text, or a list of accepted alternatives)"
    if not value:
        return "expected at least 1 keyword"
    for index, item in enumerate(value):
        forms = item if isinstance(item, list) else [item]
        if not forms:
            return f"keyword {index + 1} is an empty list", index
        for form in forms:
            text = _form_text(form)
            if text is None or not text.strip():
                return f"keyword {index + 1} should be text or a list of text", index
            if not _WORD.search(text):
                return (f"keyword {index + 1} ({text!r}) has no letters or digits, "
                        "so no typed answer could ever match it"), index
    return None


DECK_FIELDS = {
    "topic": f.Spec(f.ident),
    "title": f.Spec(f.text),
    "description": f.Spec(f.text, required=False),
    "questions": f.Spec(lambda v: None if isinstance(v, list) and v else "expected a non-empty list of questions"),
}

QUESTION_FIELDS = {
    "id": f.Spec(f.ident),
    "question": f.Spec(f.text),
    "answer": f.Spec(f.text),
    "keywords": f.Spec(_keywords),
    "level": f.Spec(f.one_of(LEVELS)),
    "tags": f.Spec(f.text_list()),
    "pitfall": f.Spec(f.text, required=False),
    "follow_ups": f.Spec(f.text_list(), required=False),
}


def _to_keyword(item: Any) -> Keyword:
    forms = item if isinstance(item, list) else [item]
    return Keyword(tuple(str(_form_text(form)).strip() for form in forms))


def load_deck(path: Path, problems: list[Problem], start_order: int = 0) -> Deck | None:
    """Load one deck file; problems are appended, valid questions kept."""
    try:
        data, duplicates = load_file(path)
    except YamlError as exc:
        problems.append(Problem(path, exc.line, "", exc.message))
        return None
    except OSError as exc:
        problems.append(Problem(path, 0, "", f"cannot read: {exc.strerror or exc}"))
        return None
    for key, line in duplicates:
        problems.append(Problem(path, line, key, "field given twice in one mapping"))
    if data is None:
        problems.append(Problem(path, 0, "", "the file is empty"))
        return None
    if not f.check_mapping(data, DECK_FIELDS, path=path, where="", problems=problems):
        if not isinstance(data, LocDict) or not isinstance(data.get("questions"), list):
            return None
    topic = data.get("topic") if isinstance(data.get("topic"), str) else path.stem
    title = data.get("title") if isinstance(data.get("title"), str) else topic
    items = data["questions"]
    questions: list[Question] = []
    for index, item in enumerate(items):
        qid = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
        where = f"{qid}." if qid else f"questions[{index + 1}]."
        line = f.item_line(items, index, data.line_of("questions"))
        if not f.check_mapping(item, QUESTION_FIELDS, path=path, where=where, problems=problems, line=line):
            continue
        questions.append(
            Question(
                id=item["id"],
                question=item["question"].strip(),
                answer=item["answer"].strip(),
                keywords=tuple(_to_keyword(k) for k in item["keywords"]),
                level=item["level"],
                tags=tuple(item["tags"]),
                topic=topic,
                deck=title,
                pitfall=(item.get("pitfall") or "").strip() or None,
                follow_ups=tuple(item.get("follow_ups") or ()),
                path=path,
                line=item.line,
                order=start_order + len(questions),
            )
        )
    return Deck(topic=topic, title=title, path=path, questions=tuple(questions),
                description=str(data.get("description") or ""))


def deck_files(folder: Path) -> list[Path]:
    """The deck files in a folder, in name order (coverage.yaml is not a deck)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.suffix in (".yaml", ".yml") and p.is_file() and p.stem != "coverage"
    )


def load_decks(files: list[Path], problems: list[Problem]) -> list[Deck]:
    """Load decks and report ids used twice across all of them."""
    decks: list[Deck] = []
    seen: dict[str, Question] = {}
    order = 0
    for path in files:
        deck = load_deck(path, problems, order)
        if deck is None:
            continue
        kept = []
        for question in deck.questions:
            first = seen.get(question.id)
            if first is not None:
                problems.append(Problem(
                    path, question.line, f"{question.id}.id",
                    f"duplicate id '{question.id}' (first used at {first.path}:{first.line})",
                ))
                continue
            seen[question.id] = question
            kept.append(question)
        order += len(deck.questions)
        decks.append(Deck(deck.topic, deck.title, deck.path, tuple(kept), deck.description))
    return decks
