"""Where coach keeps its data and finds its bundled content."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The user's data folder: ``$COACH_HOME`` if set, else platformdirs'."""
    home = os.environ.get("COACH_HOME", "").strip()
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_path

    return user_data_path("coach", appauthor=False)


def describe_data_dir() -> str:
    """Where the data lives and how it was chosen, for help and stats."""
    source = "from $COACH_HOME" if os.environ.get("COACH_HOME", "").strip() else "set COACH_HOME to move it"
    return f"{data_dir()} ({source})"


def check_data_dir(*, write: bool = False) -> None:
    """Make sure the data folder can be used; a CoachError (exit 2) naming it and the cause.

    A path that is not a folder, cannot be created or cannot be read is
    always an error. One that cannot be written is an error only when
    ``write`` is set: reading commands go on, and the progress store says
    (once, when opened) that progress is not being saved.
    """
    from coach.errors import CoachError

    home = data_dir()
    label = f"COACH_HOME={home}" if os.environ.get("COACH_HOME", "").strip() else f"the data folder {home}"
    try:
        if home.exists() and not home.is_dir():
            raise CoachError(f"{label} is not a folder; point COACH_HOME at a folder (it is created if missing)")
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoachError(f"cannot create {label}: {exc.strerror or exc}") from None
    if not os.access(home, os.R_OK | os.X_OK):
        raise CoachError(f"cannot read {label}: permission denied")
    if write and not os.access(home, os.W_OK):
        cause = "it is on a read-only filesystem" if _read_only_fs(home) else "permission denied"
        raise CoachError(f"cannot write to {label}: {cause}")


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    # A source checkout or an editable install: the folders sit beside coach/.
    return _PACKAGE.parent / name


def bundled_katas_dir() -> Path:
    return _bundled("katas")


def bundled_questions_dir() -> Path:
    return _bundled("questions")


def user_katas_dir() -> Path:
    return data_dir() / "katas"


def user_questions_dir() -> Path:
    return data_dir() / "questions"
