"""Bounded in-memory capture of ``sys.stdout`` / ``sys.stderr`` for one test.

A solution that prints 200 MB costs a counter, not memory: text beyond the
cap is counted and dropped.
"""

from __future__ import annotations

import io


class _Bytes(io.RawIOBase):
    """``sys.stdout.buffer`` for code that writes bytes."""

    def __init__(self, owner: CappedText) -> None:
        self.owner = owner

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
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

    def write(self, text: str) -> int:
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


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` during a test: both land in one capture."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, owner: Capture, is_stdout: bool) -> None:
        super().__init__()
        self.owner = owner
        self.is_stdout = is_stdout
        self.buffer = _Bytes(self)  # type: ignore[arg-type]

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.owner.all.write(text)
        if self.is_stdout:
            self.owner.out.write(text)
        self.owner.marks.append((self.owner.all.size, self.owner.out.size))
        return len(text)

    def flush(self) -> None:
        pass


class Capture:
    """One test's output: everything (for coach) and stdout alone (Exercism shows only that).

    :meth:`mark` and :meth:`since` cut it into the parts printed by each subtest.
    """

    def __init__(self, limit: int) -> None:
        self.all = CappedText(limit)
        self.out = CappedText(limit)
        self.marks: list[tuple[int, int]] = []
        self.stdout = _Stream(self, True)
        self.stderr = _Stream(self, False)

    def mark(self) -> int:
        return len(self.marks)

    def since(self, mark: int) -> tuple[str, str]:
        """(all output, stdout) written after ``mark``."""
        start = self.marks[mark - 1] if 0 < mark <= len(self.marks) else (0, 0)
        both = "".join(self.all.parts)[start[0]:]
        out = "".join(self.out.parts)[start[1]:]
        if mark == 0:
            both, out = self.all.getvalue(), self.out.getvalue()
        return both, out
