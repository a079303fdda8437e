"""Feedback on a typed answer: which keywords it hit and missed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coach.practice.scoring import Score

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def highlighted(answer: str, spans: tuple[tuple[int, int], ...]) -> Text:
    """The typed answer with the matched keywords emphasised."""
    text = Text(answer)
    for start, end in spans:
        text.stylize("bold reverse green", start, end)
    return text


class KeywordFeedback(Static):
    """Shows hits (✓) and misses (✗), the typed answer and the suggested rating."""

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
            if idea.hit:
                said = "" if (idea.said or "").casefold() == idea.label.casefold() else f" ← {idea.said}"
                text.append(f" ✓ {idea.label}{said} ", style="bold green")
            elif idea.negated:
                text.append(f" ✗ {idea.label} ({idea.cue}) ", style="bold red")
            else:
                text.append(f" ✗ {idea.label} ", style="bold red")
        total = len(score.hits) + len(score.misses)
        text.append(f"\n{len(score.hits)} of {total} key ideas. ", style="dim")
        if score.preselect is None:
            text.append("Mixed evidence: compare with the model answer, then press 1-4.\n", style="bold")
        else:
            text.append("Suggested: ", style="dim")
            text.append(f"{score.suggested} {RATING_NAMES[score.suggested]}", style="bold")
            text.append(" (enter to accept, 1-4 to choose)\n", style="dim")
        if answer.strip():
            text.append("You wrote: ", style="dim")
            text.append_text(highlighted(answer, score.spans))
        self.update(text)
