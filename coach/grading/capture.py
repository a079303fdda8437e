"""Bounded in-memory capture of ``sys.stdout`` / ``sys.stderr`` for one test.

A solution that prints 200 MB costs a counter, not memory: text beyond the
cap is counted and dropped.
"""

from __future__ import annotations

import io


class _Bytes(io.RawIOBase):
    """``sys.stdout.buffer`` for code that writes bytes."""

    def __init__(self, owner: "CappedText") -> None:
        self.owner = owner

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.owner.write(bytes(data).decode("utf-8", "replace"))
        return len(data)


class CappedText(io.TextIOBase):
    encoding = "utf-8"
    errors = "replace"

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0
        self.buffer = _Bytes(self)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self.limit - self.size
        if room > 0:
            kept = text[:room]
            self.parts.append(kept)
            self.size += len(kept)
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def flush(self) -> None:
        pass

    def getvalue(self) -> str:
        text = "".join(self.parts)
        if self.dropped:
            text += f"\n[... {self.dropped} more characters of output dropped]"
        return text
