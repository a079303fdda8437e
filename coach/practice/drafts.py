"""A kata's draft: a real file at a stable path, mirrored into the store.

The file is what the user edits, in coach or in any editor; coach notices
when it changes on disk. The store keeps a copy so drafts travel with
``coach export``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from coach import paths
from coach.content.models import Kata
from coach.practice.store import Store


def draft_path(kata: Kata) -> Path:
    return paths.data_dir() / "drafts" / f"{kata.slug}.py"


class Draft:
    def __init__(self, store: Store, kata: Kata) -> None:
        self.store = store
        self.kata = kata
        self.path = draft_path(kata)
        self._seen: tuple[int, int] | None = None  # (mtime_ns, size) of the last version we know
        self.text = ""

    def load(self) -> str:
        """The saved draft, else the store's copy, else the starter (the file is created)."""
        if self.path.is_file():
            self.text = self.path.read_text(encoding="utf-8")
            self._remember()
            return self.text
        text = self.store.draft(self.kata.slug)
        self.save(text if text is not None else self.kata.starter())
        return self.text

    def save(self, text: str) -> None:
        """Write the file atomically and copy it into the store."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.text = text
        self._remember()
        self.store.save_draft(self.kata.slug, text)

    def reset(self) -> str:
        self.save(self.kata.starter())
        return self.text

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
        self.store.save_draft(self.kata.slug, text)
        return text

    def _remember(self) -> None:
        stat = self.path.stat()
        self._seen = (stat.st_mtime_ns, stat.st_size)
