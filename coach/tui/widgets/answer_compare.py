"""The typed answer beside the model answer, the key ideas marked in both.

After a typed answer is checked, the user reads what they wrote next to what
the card says: each key idea they said is marked where they said it (by its
words, or in other words: the clause the meaning signal credited) and where
the model answer says it; the ideas they left out are marked in the model
answer only. Side by side on a wide terminal, stacked on a narrow one.

The model answer is shown as prose: Markdown emphasis and backticks are
dropped and code blocks are left to the full card below. Everything shown is
plain text with styles on spans, never markup.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import Static

from coach.content.models import Question
from coach.practice.scoring import HIT, Score, in_model_answer

NARROW = 100  # terminal columns below which the two answers stack
SAID = "bold reverse green"  # an idea said in both answers
IN_OTHER_WORDS = "underline green"  # the clause of the typed answer that says an idea in other words
LEFT_OUT = "bold underline yellow"  # an idea of the model answer the typed answer left out
CODE = "(code: in the card below)"

_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_CODE_SPAN = re.compile(r"`([^`\n]*)`")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\w_])__(?=[^\s_])(.+?)(?<=[^\s_])__(?![\w_])")
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\n?", re.MULTILINE)
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)


_BLOCK_START = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#|>)")
_ENDS_ITSELF = re.compile(r"[ \t]*[|#]")  # a table row or a heading: the next line is not part of it


def _unwrap(markdown: str) -> str:
    """Join the source's soft line breaks, as Markdown does: a paragraph or a list item is one line.

    Blank lines, list items, table rows, headings and quotes still start a line of their own.
    """
    lines: list[str] = []
    for line in markdown.split("\n"):
        if not line.strip():
            lines.append("")
        elif lines and lines[-1].strip() and not _BLOCK_START.match(line) and not _ENDS_ITSELF.match(lines[-1]):
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)


def _plain_emphasis(text: str) -> str:
    """Bold marks and backticks dropped; a code span's text kept as written (``__eq__`` stays)."""
    out, at = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_STRONG.sub(lambda e: e.group(1) or e.group(2), text[at:m.start()]))
        out.append(m.group(1))
        at = m.end()
    out.append(_STRONG.sub(lambda e: e.group(1) or e.group(2), text[at:]))
    return "".join(out)


def model_prose(answer: str) -> str:
    """The model answer as prose: no code blocks, emphasis, backticks, heading marks or table rules;
    each paragraph and list item on one line, to be wrapped at the width it is shown."""
    prose = _unwrap(_FENCE.sub(CODE, answer))
    prose = _TABLE_ROW.sub(lambda m: " · ".join(c.strip() for c in m.group(1).split("|") if c.strip()),
                          _TABLE_RULE.sub("", prose))
    prose = _HEADING.sub("", _plain_emphasis(prose))
    return re.sub(r"\n{3,}", "\n\n", prose).strip()


def marked_typed(answer: str, score: Score) -> Text:
    """The typed answer, each idea it said marked where it said it."""
    text = Text(answer)
    for idea in score.ideas:
        if idea.status == HIT and idea.span:
            text.stylize(IN_OTHER_WORDS if idea.via == "meaning" else SAID, *idea.span)
    return text


def marked_model(question: Question, score: Score) -> Text:
    """The model answer's prose, each key idea marked: said by the user, or left out."""
    prose = model_prose(question.answer)
    text = Text(prose)
    said = {i.keyword for i in score.ideas if i.status == HIT}
    asked = {i.keyword for i in score.asked}
    for idea in in_model_answer(question, prose).ideas:
        if idea.status == HIT and idea.span and idea.keyword in asked:
            text.stylize(SAID if idea.keyword in said else LEFT_OUT, *idea.span)
    return text


class AnswerCompare(Horizontal):
    """Your answer and the model answer, side by side (stacked below ``NARROW`` columns)."""

    SCOPED_CSS = False  # shown once the screen has a scored, revealed answer (its -revealed -scored classes)
    DEFAULT_CSS = """
    AnswerCompare {
        height: auto;
        margin: 1 0 0 0;
        display: none;
    }
    .-revealed.-scored AnswerCompare {
        display: block;
    }
    AnswerCompare > .side {
        width: 1fr;
        height: auto;
        padding: 0 1;
        border: round $primary 50%;
    }
    AnswerCompare > #compare-model {
        margin: 0 0 0 1;
    }
    AnswerCompare.-stacked {
        layout: vertical;
    }
    AnswerCompare.-stacked > .side {
        width: 100%;
    }
    AnswerCompare.-stacked > #compare-model {
        margin: 1 0 0 0;
    }
    """

    def compose(self) -> ComposeResult:
        yours = Static(id="compare-yours", classes="side")
        yours.border_title = "Your answer"
        model = Static(id="compare-model", classes="side")
        model.border_title = "Model answer"
        yield yours
        yield model

    def show(self, answer: str, question: Question, score: Score) -> None:
        """Fill both sides for this answer to this card."""
        self._fit()
        yours = Text("You wrote: ", style="dim")
        yours.append_text(marked_typed(answer, score))
        if any(i.hit and i.via == "meaning" for i in score.ideas):
            yours.append("\n\n")
            yours.append("underlined", style=IN_OTHER_WORDS)
            yours.append(": close in meaning to the model answer's point", style="dim")
        self.query_one("#compare-yours", Static).update(yours)
        model = marked_model(question, score)
        model.append("\n\n")
        model.append("green", style=SAID)
        model.append(": said in both   ", style="dim")
        model.append("yellow", style=LEFT_OUT)
        model.append(": not in your answer", style="dim")
        self.query_one("#compare-model", Static).update(model)

    def _fit(self) -> None:
        self.set_class(self.app.size.width < NARROW, "-stacked")

    def on_resize(self, event: Resize) -> None:
        self._fit()
