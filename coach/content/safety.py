"""Content is data, never a way out of its folder.

Paths named in content files (``.meta/config.json``'s ``files``, any path a
``kata.yaml`` field gives) must stay inside the kata's folder once resolved.
Symbolic links inside a kata are refused: grading copies a kata's files into
its sandbox and ``coach import`` copies the folder into the data folder, and
neither may be led elsewhere. Names that are not valid UTF-8 cannot be shown
or matched reliably, so they are reported and skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

from coach.content.models import Problem

SKIP_DIRS = {".git", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
MAX_ENTRIES = 5_000  # files and folders in one kata


def printable(path: Path | str) -> str:
    """``path`` as text that can always be printed (undecodable bytes shown as escapes)."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def bad_name(name: str) -> bool:
    """True when a file name is not valid UTF-8 (Python keeps such bytes as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def name_problem(path: Path) -> Problem:
    return Problem(Path(printable(path)), 0, "", "the name is not valid UTF-8 text; rename it (skipped)")


def bad_names(folder: Path) -> list[Problem]:
    """A problem for each entry of ``folder`` whose name is not valid UTF-8."""
    try:
        return [name_problem(p) for p in folder.iterdir() if bad_name(p.name)]
    except OSError:
        return []


def inside(folder: Path, name: str) -> Path | None:
    """``folder / name`` when ``name`` is relative and, resolved, stays inside ``folder``; else None."""
    if not name or bad_name(name) or os.path.isabs(name) or "\x00" in name:
        return None
    candidate = folder / name
    try:
        root = folder.resolve()
        resolved = candidate.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return None
    if resolved == root or not resolved.is_relative_to(root):
        return None
    return candidate


def check_tree(folder: Path, problems: list[Problem]) -> bool:
    """Report symlinks and non-UTF-8 names anywhere in ``folder``; True when there are none.

    Links are never followed (a loop costs nothing); caches and ``.git`` are
    not looked into.
    """
    found = False
    seen = 0
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=None):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in dirs + files:
            seen += 1
            path = Path(root) / name
            if bad_name(name):
                problems.append(name_problem(path))
                found = True
            elif path.is_symlink():
                problems.append(Problem(path, 0, "", "a symbolic link inside a kata; coach refuses links "
                                        "(they could lead outside the kata): replace it with the file"))
                found = True
        if seen > MAX_ENTRIES:
            problems.append(Problem(Path(printable(folder)), 0, "",
                                    f"more than {MAX_ENTRIES} files and folders; is this really a kata?"))
            return False
    return not found
