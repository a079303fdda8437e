"""Small user preferences, as JSON in the data folder: the TUI theme, new cards
per day, the FSRS parameters fitted by ``coach optimize``."""

from __future__ import annotations

import json
import math
import os
import tempfile
from typing import Any

from coach import paths

DEFAULT_NEW_PER_DAY = 20
MAX_NEW_PER_DAY = 9999
FSRS_PARAMETERS = "fsrs_parameters"


def _path():
    return paths.data_dir() / "settings.json"


def load() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(**changes: Any) -> bool:
    """Merge ``changes`` into the settings file (a value of None removes the key).

    A failure to write is not fatal: returns False and the file stays as it was.
    """
    data = {key: value for key, value in {**load(), **changes}.items() if value is not None}
    target = _path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings.", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
        os.replace(tmp, target)
    except OSError:
        return False
    return True


def new_per_day() -> int:
    """New cards a day (``new_per_day`` in the file; 20 when absent or not a whole number 0-9999)."""
    value = load().get("new_per_day")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NEW_PER_DAY:
        return DEFAULT_NEW_PER_DAY
    return value


def fsrs_parameters() -> tuple[float, ...] | None:
    """The user's own FSRS parameters saved by ``coach optimize``, or None (the defaults).

    A list that is not 21 finite numbers is ignored: the scheduler checks the bounds.
    """
    value = load().get(FSRS_PARAMETERS)
    if not isinstance(value, list) or len(value) != 21:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in value):
        return None
    return tuple(float(v) for v in value)
