"""``coach import PATH`` for a folder: Exercism exercises become katas in your library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from coach import paths
from coach.content.exercism import is_exercise, load_exercise, metadata, slug_of, COACH_META
from coach.content.library import load_library
from coach.content.models import Problem
from coach.errors import FAILED, CoachError

IGNORE = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc", ".git")


def exercises_in(path: Path) -> list[Path]:
    """One exercise, a folder of them, or a track (its exercises/practice)."""
    if is_exercise(path):
        return [path]
    if (path / "exercises" / "practice").is_dir():
        path = path / "exercises" / "practice"
    return sorted(p for p in path.iterdir() if p.is_dir() and is_exercise(p))


def run_exercism_import(path: Path) -> int:
    found = exercises_in(path)
    if not found:
        raise CoachError(f"no Exercism exercises in {path} (an exercise has .meta/config.json)")
    bundled = {k.slug for k in load_library(questions=False, user=False).katas}
    target_root = paths.user_katas_dir()
    target_root.mkdir(parents=True, exist_ok=True)
    added = updated = 0
    skipped: list[str] = []
    for exercise in found:
        problems: list[Problem] = []
        kata = load_exercise(exercise, problems, deep=True)
        if kata is None or problems:
            first = problems[0] if problems else "not an exercise"
            skipped.append(f"{exercise.name}: {first}")
            continue
        slug = slug_of(exercise)
        if slug in bundled:
            slug = f"{slug}_exercism"
        target = target_root / slug
        existed = target.exists()
        staging = target_root / f".{slug}.importing"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(exercise, staging, ignore=IGNORE)
        (staging / COACH_META).write_text(json.dumps({**metadata(exercise), "source": str(exercise.resolve())},
                                                     indent=2))
        if existed:
            shutil.rmtree(target)
        staging.rename(target)
        updated += existed
        added += not existed
    for line in skipped:
        print(f"skipped {line}")
    print(f"imported {added + updated} exercise{'s' if added + updated != 1 else ''} into {target_root} "
          f"({added} new, {updated} updated, {len(skipped)} skipped); 'coach list katas' shows them")
    return 0 if added + updated else FAILED
