"""A parse cache for content: YAML is slow to parse, pickles are not.

Parsing 10,000 cards of YAML takes most of a second even with libyaml; the
pickled result loads in tens of milliseconds. The cache lives in the data
folder, one file per kind, keyed by coach's version and the path, size and
modification time of every source file: any edit, added or removed file
means a fresh parse. ``coach validate`` never uses it. A cache that cannot
be read or written is ignored.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from coach import __version__, paths

T = TypeVar("T")
FORMAT = 2  # 2: Kata.growth


def _fingerprint(files: list[Path]) -> tuple:
    parts = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            return ()
        parts.append((str(file), stat.st_mtime_ns, stat.st_size))
    return (__version__, FORMAT, tuple(parts))


def cached(kind: str, files: list[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when ``files`` are unchanged."""
    key = _fingerprint(files)
    target = paths.data_dir() / "cache" / f"{kind}.pickle"
    if key:
        try:
            with open(target, "rb") as handle:
                stored_key, value = pickle.load(handle)
            if stored_key == key:
                return value
        except Exception:  # missing, stale format, truncated: parse afresh
            pass
    value = build()
    if key:
        _write(target, (key, value))
    return value


def _write(target: Path, payload: object) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, NameError):
            pass
