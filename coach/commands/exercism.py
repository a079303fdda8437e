"""``coach import PATH`` for a folder: Exercism exercises become katas in your library.

Each exercise is checked first (a broken or unsafe one is skipped with one
line saying why), copied to a staging folder beside the library, and renamed
into place, so a kata is either the old copy or the new one, never half.
Imports are serialised by a lock file in the library; leftovers of an import
that was killed are cleared (or put back) by the next one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from coach import paths
from coach.content.exercism import (
    COACH_META,
    is_exercise,
    load_exercise,
    metadata,
    slug_of,
)
from coach.content.library import load_library
from coach.content.models import Problem
from coach.content.safety import bad_name, printable
from coach.errors import FAILED, CoachError
from coach.practice.atomic import interruptible, write_atomic

IGNORE = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc", ".git")
LOCK_NAME = ".import.lock"
STAGING = ".importing-"  # .importing-<slug>-<random>
REPLACED = ".replaced-"  # .replaced-<slug>-<pid>


def exercises_in(path: Path, skipped: list[str]) -> list[Path]:
    """One exercise, a folder of them, or a track (its exercises/practice)."""
    if is_exercise(path):
        return [path]
    if (path / "exercises" / "practice").is_dir():
        path = path / "exercises" / "practice"
    found = []
    for entry in sorted(path.iterdir()):
        if bad_name(entry.name):
            skipped.append(f"{printable(entry.name)}: the name is not valid UTF-8 text")
        elif not entry.is_symlink() and entry.is_dir() and is_exercise(entry):
            found.append(entry)
    return found


@contextlib.contextmanager
def import_lock(root: Path) -> Iterator[None]:
    """Hold the library's import lock; says so on stderr when another import has it."""
    with open(root / LOCK_NAME, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("coach: waiting for another 'coach import' to finish", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(root: Path) -> None:
    """Clear what a killed import left: staging copies go, a replaced kata comes back if its new copy never landed."""
    for entry in root.iterdir():
        if entry.name.startswith(STAGING):
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(REPLACED):
            slug = entry.name[len(REPLACED):].rsplit("-", 1)[0]
            if slug and not (root / slug).exists():
                os.rename(entry, root / slug)
            else:
                shutil.rmtree(entry, ignore_errors=True)


def install(exercise: Path, slug: str, root: Path) -> bool:
    """Copy ``exercise`` into ``root/slug`` all at once; True when it replaced an older copy."""
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{slug}-", dir=root))
    try:
        shutil.copytree(exercise, staging / slug, ignore=IGNORE, symlinks=True)  # links copied, never followed
        write_atomic(staging / slug / COACH_META,
                     json.dumps({**metadata(exercise), "source": str(exercise.resolve())}, indent=2))
        target = root / slug
        existed = target.exists()
        if existed:
            old = root / f"{REPLACED}{slug}-{os.getpid()}"
            os.rename(target, old)
            os.rename(staging / slug, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging / slug, target)
        return existed
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run_exercism_import(path: Path) -> int:
    skipped: list[str] = []
    found = exercises_in(path, skipped)
    if not found and not skipped:
        raise CoachError(f"no Exercism exercises in {path} (an exercise has .meta/config.json)")
    bundled = {k.slug for k in load_library(questions=False, user=False).katas}
    root = paths.user_katas_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoachError(f"cannot create {root}: {exc.strerror or exc}") from None
    added = updated = 0
    with interruptible(), import_lock(root):
        recover(root)
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
            try:
                existed = install(exercise, slug, root)
            except OSError as exc:
                skipped.append(f"{exercise.name}: could not copy it ({exc.strerror or exc}: "
                               f"{printable(exc.filename or '')})")
                continue
            updated += existed
            added += not existed
    for line in skipped:
        print(f"skipped {line}")
    print(f"imported {added + updated} exercise{'s' if added + updated != 1 else ''} into {root} "
          f"({added} new, {updated} updated, {len(skipped)} skipped); 'coach list katas' shows them")
    return 0 if added + updated else FAILED
