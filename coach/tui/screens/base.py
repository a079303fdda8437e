"""What every coach screen shares: typed access to the app, and toasts as plain text."""

from __future__ import annotations

from typing import TypeVar

from textual import getters
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from coach.tui.app import CoachApp

T = TypeVar("T")


class CoachScreen(Screen[None]):
    """A full screen of coach's. ``self.app`` is the typed ``CoachApp``."""

    app = getters.app(CoachApp)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Toasts show their text as written unless a caller opts into markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)


class CoachModal(ModalScreen[T]):
    """A dialog of coach's, dismissed with a typed result."""

    app = getters.app(CoachApp)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
