"""A kata's draft: a real file at a stable path, mirrored into the store.

The file is what the user edits, in coach or in any editor; coach notices
when it changes on disk. The store keeps a copy so drafts travel with
``coach export``.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from coach import paths
from coach.content.models import Kata
from coach.errors import CoachError
from coach.practice.atomic import write_atomic
from coach.practice.store import Store, StoreError

if TYPE_CHECKING:
    from coach.practice.writer import Writer


def draft_path(kata: Kata) -> Path:
    return paths.data_dir() / "drafts" / f"{kata.slug}.py"


class DraftError(CoachError):
    """A draft could not be read or written; ``message`` names the file and the cause in one line."""


class Draft:
    """One kata's draft file, with a copy in the store.

    ``text`` is what the file held when coach last wrote or read it. The
    editor keeps its own text; :meth:`needs_save` says whether it differs
    from the file (or the file has gone), :meth:`save` writes it.
    ``error`` holds the last failure to save (None once a save succeeds),
    ``mirror_error`` the last failure to copy the draft into the store.
    """

    def __init__(self, store: Store, kata: Kata, writer: Writer | None = None) -> None:
        self.store = store
        self.kata = kata
        self.writer = writer
        self.path = draft_path(kata)
        self._seen: tuple[int, int] | None = None  # (mtime_ns, size) of the last version we know
        self.text = ""
        self.error: str | None = None
        self.mirror_error: str | None = None
        self.notice: str | None = None  # something the user should know about the file, once

    def load(self) -> str:
        """The saved draft, else the store's copy, else the starter.

        When there was no file, one is written; if that fails the text is
        still returned (``error`` says why, ``needs_save`` stays true), so
        the user can edit and coach can retry. A draft file that is not
        UTF-8 text is copied aside unchanged (``notice`` says where) and
        opened with the bytes that cannot be read shown as U+FFFD; a draft
        that cannot be read at all raises :class:`DraftError`.
        """
        try:
            self.text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            pass
        except UnicodeDecodeError:
            return self._recover_undecodable()
        except OSError as exc:
            raise DraftError(f"cannot read the draft {self.path}: {exc.strerror or exc}") from None
        else:
            self._remember()
            return self.text
        text = self.store.draft(self.kata.slug)
        text = text if text is not None else self.kata.starter()
        try:
            self.save(text)
        except DraftError:
            pass  # ``error`` says why; the caller holds the text and saves again
        return text

    def _recover_undecodable(self) -> str:
        """Keep the original bytes beside the draft, open a readable copy of them."""
        try:
            raw = self.path.read_bytes()
            kept = self.path.with_name(f"{self.path.name}.not-utf8-{time.strftime('%Y%m%d-%H%M%S')}")
            shutil.copyfile(self.path, kept)
        except OSError as exc:
            raise DraftError(f"the draft {self.path} is not UTF-8 text and could not be copied aside "
                             f"({_cause(exc)}); fix it in an editor, or delete it") from None
        text = raw.decode("utf-8", errors="replace")
        self.notice = (f"the draft {self.path} was not UTF-8 text: it is open with the unreadable bytes shown "
                       f"as \ufffd, and the original is kept as {kept.name}")
        try:
            self.save(text)
        except DraftError:
            pass  # ``error`` says why; the caller holds the text and saves again
        return text

    def needs_save(self, text: str) -> bool:
        """True when ``text`` is not what the file holds: edited, never saved, or the file was deleted."""
        return text != self.text or not self.path.is_file()

    def save(self, text: str) -> None:
        """Write ``text`` to the draft file, atomically, then copy it into the store.

        The file is written to a temporary file in the drafts folder and
        renamed over the draft, so it always holds either the previous text
        or ``text`` in full; a draft deleted since the last save is written
        again. On failure (disk full, read-only folder, no permission) this
        raises :class:`DraftError` with one line naming the file and the
        cause, sets ``error``, and leaves the file and ``text`` as they
        were: the caller keeps the text in memory and calls ``save`` again.

        The store's copy (it travels with ``coach export``) is queued on
        ``writer`` when there is one, else written at once; a failure there
        sets ``mirror_error`` but does not fail the save, because the file,
        which is what coach reads back, is safe.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text)
        except OSError as exc:
            self.error = f"draft not saved to {self.path}: {_cause(exc)}"
            raise DraftError(self.error) from None
        self.error = None
        self.text = text
        self._remember()
        self._mirror(text)

    def reset(self) -> str:
        """Back to the starter; raises :class:`DraftError` if it cannot be saved."""
        starter = self.kata.starter()
        self.save(starter)
        return starter

    def changed_outside(self) -> str | None:
        """New text if something other than coach changed the file since we last looked."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        if (stat.st_mtime_ns, stat.st_size) == self._seen:
            return None
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None  # mid-write or not text yet; look again next time
        self._seen = (stat.st_mtime_ns, stat.st_size)
        if text == self.text:
            return None
        self.text = text
        self._mirror(text)
        return text

    def _mirror(self, text: str) -> None:
        slug, at = self.kata.slug, time.time()
        if self.writer is not None:
            self.writer.submit(f"draft of {slug}", lambda store: store.save_draft(slug, text, at))
            return
        try:
            self.store.save_draft(slug, text, at)
            self.mirror_error = None
        except StoreError as exc:
            self.mirror_error = exc.message

    def _remember(self) -> None:
        with contextlib.suppress(OSError):
            stat = self.path.stat()
            self._seen = (stat.st_mtime_ns, stat.st_size)


def _cause(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full; free some space and it is saved again"
    if exc.errno == errno.EROFS:
        return "the folder is on a read-only filesystem"
    return exc.strerror or str(exc)
