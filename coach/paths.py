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
