"""Feedback on a typed answer: which keywords it hit and missed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coach.practice.scoring import Score

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

    def show(self, answer: str, score: Score) -> None:
        text = Text()
        for idea in score.asked:
            if idea.hit and idea.via == "meaning":  # a clause close in meaning, not the idea's words
                text.append(f" ≈ {idea.label} ← {_short(idea.said)} ", style="green")
            elif idea.hit:
                said = "" if (idea.said or "").casefold() == idea.label.casefold() else f" ← {_short(idea.said)}"
                text.append(f" ✓ {idea.label}{said} ", style="bold green")
            elif idea.negated:
                text.append(f" ✗ {idea.label} ({idea.cue}) ", style="bold red")
            else:
                text.append(f" ✗ {idea.label} ", style="bold red")
        total = len(score.hits) + len(score.misses)
        text.append(f"\n{len(score.hits)} of {total} key ideas. ", style="dim")
        if score.preselect is None:
            text.append("Mixed evidence: compare with the model answer, then press 1-4 ", style="bold")
            text.append(f"(best guess {score.suggested} {RATING_NAMES[score.suggested]}, not preselected).\n",
                        style="dim")
        else:
            text.append("Suggested: ", style="dim")
            text.append(f"{score.suggested} {RATING_NAMES[score.suggested]}", style="bold")
            text.append(" (enter to accept, 1-4 to choose)\n", style="dim")
        text.rstrip()
        self.update(text)
