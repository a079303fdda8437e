"""Small user preferences (the TUI theme), as JSON in the data folder."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any

from coach import paths


def _path():
    return paths.data_dir() / "settings.json"


def load() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(**changes: Any) -> None:
    """Merge ``changes`` into the settings file; a failure to write is not fatal."""
    data = {**load(), **changes}
    target = _path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings.", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
        os.replace(tmp, target)
    except OSError:
        pass


DEFAULT_NEW_PER_DAY = 20


def new_per_day() -> int:
    """How many new cards a day the queue introduces (``new_per_day`` in the settings file; default 20)."""
    value = load().get("new_per_day")
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return DEFAULT_NEW_PER_DAY
