"""The one exception type the CLI turns into a clean one-line error."""

from __future__ import annotations

USAGE = 2
FAILED = 1


class CoachError(Exception):
    """An error the user can act on; the CLI prints it as one line.

    ``code`` is the process exit status: 2 for usage or input errors,
    1 for a check or validation that ran and failed.
    """

    def __init__(self, message: str, code: int = USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
