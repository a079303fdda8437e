"""Feedback on a typed answer: which keywords it hit and missed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coach.practice.scoring import Idea, Score

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def _short(said: str | None, most: int = 40) -> str:
    """What the user said, on one line; a long clause (credited in meaning) cut short."""
    flat = " ".join((said or "").split())
    return flat if len(flat) <= most else flat[:most - 1].rstrip() + "…"


class KeywordFeedback(Static):
    """Shows hits (✓) and misses (✗) and the suggested rating (the answers themselves: ``AnswerCompare``)."""

    DEFAULT_CSS = """
    KeywordFeedback {
        margin: 1 0 0 0;
        padding: 0 1;
        background: $boost;
    }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._chips: list[Text] = []
        self._tail = Text()

    def show(self, answer: str, score: Score) -> None:
        self._chips = [_chip(idea) for idea in score.asked]
        tail = Text()
        total = len(score.hits) + len(score.misses)
        tail.append(f"{len(score.hits)} of {total} key ideas. ", style="dim")
        if score.preselect is None:
            tail.append("Mixed evidence: compare with the model answer, then press 1-4 ", style="bold")
            tail.append(f"(best guess {score.suggested} {RATING_NAMES[score.suggested]}, not preselected).",
                        style="dim")
        else:
            tail.append("Suggested: ", style="dim")
            tail.append(f"{score.suggested} {RATING_NAMES[score.suggested]}", style="bold")
            tail.append(" (enter to accept, 1-4 to choose)", style="dim")
        self._tail = tail
        self._lay_out()

    def on_resize(self) -> None:
        if self._chips:
            self._lay_out()

    def _lay_out(self) -> None:
        """Chips in rows that break only between chips: never between a mark and its label
        (a chip wider than the whole row still wraps, on a row of its own)."""
        width = self.content_size.width
        text, row = Text(), 0
        for chip in self._chips:
            if row and width and row + chip.cell_len > width:
                text.append("\n")
                row = 0
            text.append_text(chip)
            row += chip.cell_len
        text.append("\n")
        text.append_text(self._tail)
        self.update(text)


def _chip(idea: Idea) -> Text:
    """One idea: hit (✓, or ≈ when credited in meaning) with what the user said, or missed (✗)."""
    if idea.hit and idea.via == "meaning":  # a clause close in meaning, not the idea's words
        return Text(f" ≈ {idea.label} ← {_short(idea.said)} ", style="green")
    if idea.hit:
        said = "" if (idea.said or "").casefold() == idea.label.casefold() else f" ← {_short(idea.said)}"
        return Text(f" ✓ {idea.label}{said} ", style="bold green")
    if idea.negated:
        return Text(f" ✗ {idea.label} ({idea.cue}) ", style="bold red")
    return Text(f" ✗ {idea.label} ", style="bold red")
