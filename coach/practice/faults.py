"""What went wrong with the progress file, in words a user can act on.

SQLite and the OS report storage trouble as error codes; coach sorts them into
a few kinds, because each calls for a different response:

- ``corrupt``: the file is not a database or is damaged. Only this kind ever
  moves the file aside.
- ``locked``: another program holds the database. Wait, then say who to close.
- ``full``: no space left. Nothing is wrong with the file; free space and retry.
- ``read-only``: a read-only filesystem or file. Progress can be read, not saved.
- ``permission``: the user may not read or write the file or its folder.
- ``io``: the device failed a read or write.
- ``newer``: written by a newer coach; left untouched.

``locked``, ``full`` and ``io`` are *transient*: the same write may succeed
later, so the write queue keeps it and retries.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from coach.errors import USAGE, CoachError

CORRUPT, LOCKED, FULL, READ_ONLY, PERMISSION, IO, NEWER = (
    "corrupt", "locked", "full", "read-only", "permission", "io", "newer")
TRANSIENT = frozenset({LOCKED, FULL, IO})

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_KINDS = {
    3: PERMISSION,  # SQLITE_PERM
    5: LOCKED,  # SQLITE_BUSY
    6: LOCKED,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: IO,  # SQLITE_IOERR
    11: CORRUPT,  # SQLITE_CORRUPT
    13: FULL,  # SQLITE_FULL
    14: IO,  # SQLITE_CANTOPEN: refined from the filesystem below
    23: PERMISSION,  # SQLITE_AUTH
    26: CORRUPT,  # SQLITE_NOTADB
}
_ERRNO_KINDS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: PERMISSION,
    errno.EPERM: PERMISSION,
}
LOW_SPACE = 256 * 1024  # bytes free below which an I/O error is taken to mean "disk full"


class StoreError(CoachError):
    """The progress store could not do what was asked; ``message`` is one line.

    ``kind`` is one of the kinds above; ``transient`` says whether retrying
    the same operation later may succeed. The exit status is 2: the user can
    fix the cause (free space, close a program, change permissions).
    """

    def __init__(self, message: str, kind: str, path: Path | None = None) -> None:
        super().__init__(message, USAGE)
        self.kind = kind
        self.path = path

    @property
    def transient(self) -> bool:
        return self.kind in TRANSIENT


def low_on_space(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE


def _writable(path: Path) -> bool:
    target = path if path.exists() else path.parent
    return os.access(target, os.W_OK)


def kind_of(exc: BaseException, path: Path) -> str:
    """The kind of an sqlite3 or OS error met while using the database at ``path``."""
    if isinstance(exc, StoreError):
        return exc.kind
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        kind = _SQLITE_KINDS.get(code & 0xFF) if isinstance(code, int) else None
        if kind is None:
            text = str(exc).lower()
            kind = (CORRUPT if "malformed" in text or "not a database" in text or "integrity" in text
                    else LOCKED if "locked" in text
                    else FULL if "full" in text
                    else READ_ONLY if "readonly" in text or "read-only" in text
                    else IO)
    elif isinstance(exc, OSError):
        kind = _ERRNO_KINDS.get(exc.errno or 0, IO)
    else:
        kind = IO
    if kind in (IO, PERMISSION, READ_ONLY) and low_on_space(path.parent):
        return FULL
    if kind == IO and not _writable(path):
        return READ_ONLY if _read_only_fs(path.parent) else PERMISSION
    return kind


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def describe(kind: str, path: Path, exc: BaseException | None = None) -> str:
    """One line naming ``path`` and the cause, with what the user can do."""
    detail = f" ({_detail(exc)})" if exc is not None and _detail(exc) else ""
    if kind == FULL:
        return f"the disk holding {path} is full; free some space and coach will save again"
    if kind == LOCKED:
        return (f"{path} is locked by another program{detail}; close other coach windows or "
                "database tools using it and try again")
    if kind == READ_ONLY:
        where = "is on a read-only filesystem" if _read_only_fs(path.parent) else "is read-only"
        return f"{path} {where}"
    if kind == PERMISSION:
        return f"no permission to use {path}{detail}; check the owner and mode of the file and its folder"
    if kind == CORRUPT:
        return f"{path} is damaged{detail}"
    return f"could not read or write {path}{detail}"


def _detail(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def store_error(exc: BaseException, path: Path) -> StoreError:
    """``exc`` as a :class:`StoreError` with a one-line message."""
    if isinstance(exc, StoreError):
        return exc
    kind = kind_of(exc, path)
    return StoreError(describe(kind, path, exc), kind, path)
