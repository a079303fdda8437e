"""What the meaning signal compares: the gist of a text, its clauses, and each key idea's context.

The gist keeps a text's content words only: no function words, and none of
the question's own words (an answer that repeats the question earns nothing
in meaning either, as in keywords). A typed answer is cut into units, its
sentences and the longer clauses inside them, so that one key idea can be
found in the clause that says it. A key idea's context is the sentence of
the model answer that says it, with the idea's accepted forms.
"""

from __future__ import annotations

import itertools
import re

from coach.practice.wording import words

# Function words carry no meaning of their own for the comparison.
STOPWORDS = frozenset({
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "of", "to", "in", "on", "at",
    "for", "with", "by", "from", "as", "it", "its", "this", "that", "these", "those", "and", "or", "but", "if",
    "then", "so", "do", "does", "did", "done", "you", "your", "we", "our", "they", "their", "them", "i", "me",
    "my", "he", "she", "can", "will", "would", "should", "could", "has", "have", "had", "which", "who", "whom",
    "what", "when", "where", "how", "why", "there", "here", "than", "also", "just", "only", "into", "onto",
    "over", "under", "about", "up", "out", "very", "more", "most", "such", "each", "any", "all", "some", "one",
})
_SENTENCE = re.compile(r"(?:[^\n.;:!?]|[.;:!?](?!\s|$))+")  # "main.py" and "e.g." stay inside
_CLAUSE = re.compile(r",|\s[-–—]+\s|\b(?:and|but|so|because|while|whereas|which)\b", re.IGNORECASE)
_CLAUSE_WORDS = 3  # a clause shorter than this is not a unit of its own


def gist(text: str, asked: frozenset[str] = frozenset()) -> str:
    """The content words of ``text``, folded, without the question's words (by stem)."""
    return " ".join(w.text for w in words(text) if w.text not in STOPWORDS and w.stem not in asked)


def units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` and of each longer clause inside one."""
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = _trim(text, m.start(), m.end())
        if start >= end:
            continue
        out.append((start, end))
        cuts = [start] + [c.start() for c in _CLAUSE.finditer(text, start, end)] + [end]
        if len(cuts) <= 2:
            continue
        for a, b in itertools.pairwise(cuts):
            a, b = _trim(text, a, b)
            if len(text[a:b].split()) >= _CLAUSE_WORDS:
                out.append((a, b))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum() and text[start] not in "`_@(":
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "`)":
        end -= 1
    return start, end


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds ``offset``."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= offset < m.end():
            return m.group()
    return ""
