"""Misbehaving disks for fault tests: a small tmpfs when root (as in CI), else None.

Tests that get None fall back to injecting the error (ENOSPC, EROFS) or skip
the parts that need a real filesystem.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def small_disk(size: str = "8m") -> Iterator[Path | None]:
    """A freshly mounted tmpfs of ``size``, unmounted afterwards; None when we cannot mount."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="coach-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, check=False).returncode == 0
    try:
        yield folder if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        with contextlib.suppress(OSError):
            folder.rmdir()


def fill(folder: Path) -> Path:
    """Write a file until the disk is full; returns it (delete it to free the space)."""
    filler = folder / "filler"
    chunk = b"\0" * 65536
    with contextlib.suppress(OSError), open(filler, "wb") as handle:
        while True:
            handle.write(chunk)
            handle.flush()
    with contextlib.suppress(OSError), open(filler, "ab") as handle:  # the last few blocks
        while True:
            handle.write(b"\0" * 512)
            handle.flush()
    return filler


def remount(folder: Path, mode: str) -> None:
    """``mode`` is "ro" or "rw"."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)
