"""The progress file on disk: refusing a newer schema, a private copy to read, moving a damaged file aside."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from coach.practice import faults
from coach.practice.faults import StoreError
from coach.practice.schema import SCHEMA_VERSION


def refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer coach (schema {version}; this coach knows "
                         f"{SCHEMA_VERSION}); upgrade coach to use it. The file was left untouched.",
                         faults.NEWER, path)


def scratch_copy(path: Path) -> Path | None:
    """A private copy of the database and its WAL, for reading a file SQLite cannot open in place."""
    try:
        folder = Path(tempfile.mkdtemp(prefix="coach-readonly-"))
    except OSError:
        return None
    try:
        for suffix in ("", "-wal"):
            source = path.with_name(path.name + suffix)
            if source.is_file():
                shutil.copyfile(source, folder / source.name)
        return folder
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return None


def move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, backup)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, backup.with_name(backup.name + suffix))
    return backup
