"""Exercism practice exercises as katas.

An exercise folder holds ``.meta/config.json`` (``files.solution``,
``files.test``, ``files.example``), ``.docs/instructions.md`` (and maybe
``introduction.md``, ``instructions.append.md``, ``hints.md``), the stub and
the test file. Difficulty and topics come from ``.meta/coach.json`` (written
by ``coach import``) or from the track's ``config.json`` found above the
exercise; coach bundles no Exercism content.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from coach.content.models import Kata, Problem
from coach.content.safety import bad_name, check_tree, inside, name_problem, printable

DOCS = (".docs/introduction.md", ".docs/instructions.md", ".docs/instructions.append.md")
SKIP_EXTRA = {".meta", ".docs", ".exercism", "__pycache__", ".pytest_cache", ".git"}
COACH_META = ".meta/coach.json"


def is_exercise(folder: Path) -> bool:
    return (folder / ".meta" / "config.json").is_file()


def slug_of(folder: Path) -> str:
    return re.sub(r"[^a-z0-9_]", "_", folder.name.lower()).strip("_") or "exercise"


def difficulty_of(level: Any) -> str:
    """Exercism rates 1-10; coach says easy, medium or hard."""
    if not isinstance(level, int) or isinstance(level, bool):
        return "medium"
    return "easy" if level <= 3 else "medium" if level <= 6 else "hard"


def track_entry(folder: Path) -> dict[str, Any] | None:
    """This exercise's entry in a track config.json above it, if there is one."""
    for parent in folder.resolve().parents:
        config = parent / "config.json"
        if not config.is_file():
            continue
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        exercises = data.get("exercises") if isinstance(data, dict) else None
        if not isinstance(exercises, dict):
            continue
        for entry in exercises.get("practice", []) or []:
            if isinstance(entry, dict) and entry.get("slug") == folder.name:
                return entry
        return None
    return None


def metadata(folder: Path) -> dict[str, Any]:
    """Title, difficulty and topics: from coach.json, else the track, else defaults."""
    saved = folder / COACH_META
    if saved.is_file():
        try:
            data = json.loads(saved.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                return data
        except (OSError, ValueError):
            pass
    entry = track_entry(folder) or {}
    topics = [str(t) for t in (entry.get("practices") or entry.get("topics") or [])] or ["exercism"]
    return {"title": entry.get("name") or _title(folder), "difficulty": difficulty_of(entry.get("difficulty")),
            "topics": topics}


def _title(folder: Path) -> str:
    instructions = folder / ".docs" / "instructions.md"
    if instructions.is_file():
        for line in instructions.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return folder.name.replace("-", " ").replace("_", " ").title()


def hints_of(folder: Path) -> tuple[str, ...]:
    """One hint per section of .docs/hints.md (or the whole file if it has none)."""
    path = folder / ".docs" / "hints.md"
    if not path.is_file():
        return ()
    text = path.read_text(encoding="utf-8")
    sections = [s.strip() for s in re.split(r"^#{2,3} ", text, flags=re.MULTILINE)[1:] if s.strip()]
    if not sections:
        body = re.sub(r"^# .*$", "", text, flags=re.MULTILINE).strip()
        return (body,) if body else ()
    hints = []
    for section in sections:
        heading, _, body = section.partition("\n")
        body = body.strip()
        if body:
            hints.append(f"**{heading.strip()}**\n\n{body}")
    return tuple(hints)


def _first(files: dict, key: str, folder: Path, problems: list[Problem], required: bool = True) -> str | None:
    names = files.get(key)
    config = folder / ".meta" / "config.json"
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        if required:
            problems.append(Problem(config, 0, f"files.{key}", "expected a non-empty list of file names"))
        return None
    outside = [n for n in names if inside(folder, n) is None]
    if outside:
        problems.append(Problem(config, 0, f"files.{key}", f"{printable(outside[0])!r} leads outside the "
                                "exercise folder; give a path inside it"))
        return None
    name = names[0]
    if not (folder / name).is_file():
        problems.append(Problem(folder / name, 0, "", f"missing file (named in .meta/config.json files.{key})"))
        return None
    return name


def load_exercise(folder: Path, problems: list[Problem], *, deep: bool = False) -> Kata | None:
    """An exercise folder as a kata; None (with problems) when it is broken or unsafe."""
    config = folder / ".meta" / "config.json"
    if bad_name(folder.name):
        problems.append(name_problem(folder))
        return None
    if not check_tree(folder, problems):
        return None
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(config, 0, "", f"cannot read: {exc}"))
        return None
    except ValueError as exc:
        problems.append(Problem(config, getattr(exc, "lineno", 0), "", f"not valid JSON: {exc}"))
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        problems.append(Problem(config, 0, "files", "missing: .meta/config.json needs a 'files' mapping"))
        return None
    before = len(problems)
    solution = _first(files, "solution", folder, problems)
    test = _first(files, "test", folder, problems)
    # practice exercises name their reference "example", concept exercises "exemplar"
    example = (_first(files, "example", folder, problems, required=False)
               or _first(files, "exemplar", folder, problems, required=False))
    tests = files.get("test")
    more_tests = tuple(n for n in tests[1:] if isinstance(n, str) and (folder / n).is_file()) \
        if isinstance(tests, list) else ()
    if not (folder / ".docs" / "instructions.md").is_file():
        problems.append(Problem(folder / ".docs" / "instructions.md", 0, "", "missing file"))
    if len(problems) > before or solution is None or test is None:
        return None
    module = Path(solution).stem
    info = metadata(folder)
    extra = tuple(sorted(
        p.name for p in folder.iterdir()
        if p.name not in SKIP_EXTRA and not p.name.startswith(".") and p.name not in (solution, test, *more_tests)
    ))
    kata = Kata(
        slug=slug_of(folder), title=str(info.get("title") or _title(folder)),
        difficulty=str(info.get("difficulty") or "medium"), topics=tuple(info.get("topics") or ("exercism",)),
        module=module, entry=(), hints=hints_of(folder), path=folder, test_file=test, starter_file=solution,
        solution_file=example, readme_files=tuple(d for d in DOCS if (folder / d).is_file()),
        extra_files=extra, origin="exercism", more_tests=more_tests,
    )
    if deep:
        from coach.content.katas import check_python

        for file in (*(kata.path / n for n in kata.test_files), kata.starter_path, kata.solution_path):
            if file is not None:
                check_python(file, problems)
    return kata
