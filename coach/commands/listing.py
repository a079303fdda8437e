"""``coach list katas|questions [--json]``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from coach.content.library import Library, load_library
from coach.content.models import Kata
from coach.content.patterns import PATTERNS, match_pattern, unknown_pattern
from coach.errors import USAGE, CoachError


def table(rows: list[list[str]], headers: list[str], width: int | None = None) -> str:
    """Plain aligned columns; the last column is cut to fit the terminal."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    fixed = sum(widths[:-1]) + 2 * (len(widths) - 1)
    widths[-1] = max(12, min(widths[-1], width - fixed))
    lines = []
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = []
        for i, cell in enumerate(row):
            if len(cell) > widths[i]:
                cell = cell[: widths[i] - 1] + "…"
            cells.append(cell.ljust(widths[i]) if i < len(row) - 1 else cell)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def pattern_filter(name: str, library: Library, *, need_katas: bool = False) -> str:
    """The pattern ``name`` spells, ignoring case and spacing.

    Not in the vocabulary: a usage error naming the nearest pattern. With
    ``need_katas``, a pattern no kata trains yet is an error too.
    """
    found = match_pattern(name, list(PATTERNS))
    if found is None:
        raise CoachError(unknown_pattern(name), USAGE)
    if need_katas and not with_pattern(library.katas, found):
        raise CoachError(none_train(found, library), USAGE)
    return found


def none_train(pattern: str, library: Library) -> str:
    """``no kata trains 'trie' yet``, with the patterns that have katas."""
    used = sorted({p for k in library.katas for p in k.patterns})
    return f"no kata trains '{pattern}' yet" + (f" (patterns with katas: {', '.join(used)})" if used else "")


def with_pattern(katas: list[Kata], pattern: str | None) -> list[Kata]:
    return [k for k in katas if pattern is None or pattern in k.patterns]


def _list_katas(args: argparse.Namespace, pattern: str | None) -> Library:
    lib = load_library(questions=False)
    chosen = pattern_filter(pattern, lib) if pattern is not None else None
    katas = with_pattern(lib.katas, chosen)
    if args.json:
        print(json.dumps([
            {"id": k.slug, "title": k.title, "topics": list(k.topics), "patterns": list(k.patterns),
             "difficulty": k.difficulty, "origin": k.origin}
            for k in katas
        ], indent=2))
    elif not katas and chosen:
        print(none_train(chosen, lib))
    else:
        rows = [[k.slug, k.difficulty, k.title, ", ".join(k.patterns) or "-"] for k in katas]
        print(table(rows, ["ID", "DIFFICULTY", "TITLE", "PATTERNS"]))
        which = f" training '{chosen}'" if chosen else ""
        print(f"\n{len(katas)} kata{'s' if len(katas) != 1 else ''}{which}")
    return lib


def _list_questions(args: argparse.Namespace) -> Library:
    lib = load_library(katas=False)
    if args.json:
        print(json.dumps([
            {"id": q.id, "question": q.question, "topic": q.topic, "level": q.level, "tags": list(q.tags)}
            for q in lib.questions
        ], indent=2))
    else:
        rows = [[q.id, q.topic, q.level, " ".join(q.question.split())] for q in lib.questions]
        print(table(rows, ["ID", "TOPIC", "LEVEL", "QUESTION"]))
        print(f"\n{len(lib.questions)} questions in {len(lib.decks)} decks")
    return lib


def run_list(args: argparse.Namespace) -> int:
    pattern = getattr(args, "pattern", None)
    if args.what == "katas":
        lib = _list_katas(args, pattern)
    else:
        if pattern is not None:
            raise CoachError("--pattern filters katas; questions have --tag in 'coach rapid'", USAGE)
        lib = _list_questions(args)
    if lib.problems:
        print(f"coach: skipped content with {len(lib.problems)} problem(s); "
              "run 'coach validate' to see them", file=sys.stderr)
    return 0
