"""``coach list katas|questions [--json]``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from coach.content.library import load_library


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


def run_list(args: argparse.Namespace) -> int:
    if args.what == "katas":
        lib = load_library(questions=False)
        items = [
            {"id": k.slug, "title": k.title, "topics": list(k.topics),
             "difficulty": k.difficulty, "origin": k.origin}
            for k in lib.katas
        ]
        if args.json:
            print(json.dumps(items, indent=2))
        else:
            rows = [[i["id"], i["difficulty"], ", ".join(i["topics"]), i["title"]] for i in items]
            print(table(rows, ["ID", "DIFFICULTY", "TOPICS", "TITLE"]))
            print(f"\n{len(items)} katas")
    else:
        lib = load_library(katas=False)
        items = [
            {"id": q.id, "question": q.question, "topic": q.topic, "level": q.level, "tags": list(q.tags)}
            for q in lib.questions
        ]
        if args.json:
            print(json.dumps(items, indent=2))
        else:
            rows = [[i["id"], i["topic"], i["level"], " ".join(i["question"].split())] for i in items]
            print(table(rows, ["ID", "TOPIC", "LEVEL", "QUESTION"]))
            print(f"\n{len(items)} questions in {len(lib.decks)} decks")
    if lib.problems:
        print(f"coach: skipped content with {len(lib.problems)} problem(s); "
              "run 'coach validate' to see them", file=sys.stderr)
    return 0
