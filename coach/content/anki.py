"""The question cards as an Anki package (.apkg), built with genanki.

One note per card with the fields Question, Answer, Pitfall and Follow-ups,
rendered from the cards' Markdown to HTML by markdown-it-py (tables kept, code
highlighted by Pygments with classes the note type's CSS colours, in light and
night mode). Tags name the topic, the level and the card's own tags.

Everything Anki uses to recognise what it already has is derived from coach's
own ids, so importing a newer export updates the same notes instead of adding
copies: the note type's id, each deck's id, each note's guid and id, each
card's id. The decks are ``coach::<topic title>``, one per topic under ``coach``.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import genanki  # type: ignore[import-untyped]
from markdown_it import MarkdownIt
from pygments import highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]

from coach.content.models import Question

PARENT_DECK = "coach"
FIELDS = ("Question", "Answer", "Pitfall", "Follow-ups")
_ID_BASE = 1 << 51  # above any millisecond timestamp Anki hands out for ids


def stable_id(kind: str, key: str) -> int:
    """An even id in [2**51, 2**52) from a hash: the same key always gives the same id.

    Even, so a note's single card can take the odd id above it. Below 2**53, so it
    survives JavaScript in Anki's front ends.
    """
    digest = hashlib.sha256(f"coach:{kind}:{key}".encode()).digest()
    return _ID_BASE + (int.from_bytes(digest[:8], "big") % (1 << 50)) * 2


def note_guid(question: Question) -> str:
    return genanki.guid_for("coach", question.id)


# -- Markdown to HTML ------------------------------------------------------------
def _highlight(code: str, language: str, _attrs: str) -> str:
    try:
        lexer = get_lexer_by_name(language or "text")
    except ClassNotFound:
        return ""  # markdown-it escapes it and wraps it in <pre><code>
    spans = highlight(code, lexer, HtmlFormatter(nowrap=True))
    return f'<pre class="highlight"><code>{spans}</code></pre>'


_MARKDOWN = MarkdownIt("commonmark", {"html": False, "highlight": _highlight}).enable(
    ["table", "strikethrough"])


def markdown_html(text: str) -> str:
    """Block Markdown to HTML; raw HTML in the text is shown as text, never run."""
    return _MARKDOWN.render(text).strip()


def inline_html(text: str) -> str:
    return _MARKDOWN.renderInline(text).strip()


def _follow_ups_html(follow_ups: Iterable[str]) -> str:
    items = "".join(f"<li>{inline_html(item)}</li>" for item in follow_ups)
    return f"<ul>{items}</ul>" if items else ""


_CSS = """\
.card { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 18px;
        text-align: left; line-height: 1.45; max-width: 46em; margin: 0 auto; }
.question { font-size: 1.2em; font-weight: 600; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: 1px solid #8886; padding: .25em .6em; vertical-align: top; }
th { background: #8882; text-align: left; }
code { font-family: "JetBrains Mono", Menlo, Consolas, monospace; font-size: .9em; }
pre.highlight { padding: .6em .8em; border-radius: 6px; overflow-x: auto; background: #f6f8fa; }
.nightMode pre.highlight { background: #272822; }
.pitfall { margin-top: 1em; padding: .5em .8em; border-left: 4px solid #d9822b; background: #d9822b1a; }
.pitfall p { margin: .3em 0; }
.follow-ups { margin-top: 1em; }
.follow-ups ul { margin: .3em 0; }
"""


def _css() -> str:
    light = HtmlFormatter(style="default").get_style_defs(".highlight")
    night = HtmlFormatter(style="monokai").get_style_defs(".nightMode .highlight")
    return f"{_CSS}\n{light}\n{night}"


_MODEL = genanki.Model(
    stable_id("model", "question-v1"), "coach question",
    fields=[{"name": name} for name in FIELDS],
    templates=[{
        "name": "Recall",
        "qfmt": '<div class="question">{{Question}}</div>',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
                '{{#Pitfall}}<div class="pitfall"><b>Pitfall</b>{{Pitfall}}</div>{{/Pitfall}}'
                '{{#Follow-ups}}<div class="follow-ups"><b>Follow-ups</b>{{Follow-ups}}</div>{{/Follow-ups}}',
    }],
    css=_css(),
)


class _Note(genanki.Note):
    """A note whose id and card ids come from coach's card id, not from the clock."""

    def __init__(self, note_id: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.note_id = note_id

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Iterator[int]) -> None:
        super().write_to_db(cursor, timestamp, deck_id, itertools.count(self.note_id))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())  # Anki splits tags on spaces


def note_for(question: Question) -> genanki.Note:
    pitfall = markdown_html(question.pitfall) if question.pitfall else ""
    fields = [inline_html(question.question), markdown_html(question.answer), pitfall,
              _follow_ups_html(question.follow_ups)]
    tags = [f"coach::topic::{_tag(question.topic)}", f"coach::level::{_tag(question.level)}",
            *(_tag(t) for t in question.tags)]
    return _Note(stable_id("note", question.id), model=_MODEL, fields=fields, tags=tags,
                 guid=note_guid(question), sort_field=fields[0])


@dataclass(frozen=True)
class Written:
    notes: int
    decks: tuple[str, ...]


def write_package(questions: Iterable[Question], titles: dict[str, str], target: Path) -> Written:
    """Write the questions to ``target`` as an .apkg, one deck per topic under ``coach``.

    ``titles`` maps a topic to its deck's title. The file is written beside the target
    and renamed: an interrupted export never leaves half a package.
    """
    decks: dict[str, genanki.Deck] = {}
    for question in questions:
        if question.topic not in decks:
            name = f"{PARENT_DECK}::{titles.get(question.topic, question.topic)}"
            decks[question.topic] = genanki.Deck(stable_id("deck", question.topic), name)
        decks[question.topic].add_note(note_for(question))
    parent = genanki.Deck(stable_id("deck", ""), PARENT_DECK)
    package = genanki.Package([parent, *decks.values()])
    # Named as coach.practice.atomic names its temporary files, so its remove_stale clears
    # one left by a process killed outright.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a deck is made to be shared
        package.write_to_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Written(sum(len(d.notes) for d in decks.values()), tuple(d.name for d in decks.values()))
