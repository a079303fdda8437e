"""Scoring a typed answer against a card's keywords.

Case and punctuation are folded, simple inflections are accepted (thread,
threads, threading; cache, cached, caching), any listed alternative counts,
and a multi-word keyword must appear as a phrase. The result names the hits
and misses, where the hits are in the typed text, and a suggested rating:
all hit -> Good, at least half -> Hard, fewer -> Again. The user may
override it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from coach.content.models import Keyword

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("izations", "ization", "isations", "isation", "izing", "ising", "ized", "ised", "izes",
             "ises", "ize", "ise", "ations", "ation", "ings", "ing", "ies", "ied", "ers", "er",
             "es", "ed", "ly", "s", "e")
AGAIN, HARD, GOOD = 1, 2, 3


def stem(word: str) -> str:
    """A deliberately small stemmer: enough to match the forms people type."""
    if word.endswith("ss"):
        return word  # class, process, address: not plurals
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return root + "y"
            if suffix == "es" and root.endswith("ss"):
                return root  # processes -> process
            if len(root) >= 2 and root[-1] == root[-2] and root[-1] not in "slz":
                root = root[:-1]  # running -> run, stopped -> stop
            return root
    return word


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for each word of ``text``, offsets into the original."""
    folded = _fold(text)
    if len(folded) != len(text):  # folding changed lengths; fall back to folded offsets
        text = folded
    return [(stem(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def _find(phrase: list[str], words: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    n = len(phrase)
    if not n:
        return None
    for i in range(len(words) - n + 1):
        if all(words[i + k][0] == phrase[k] for k in range(n)):
            return words[i][1], words[i + n - 1][2]
    return None


@dataclass(frozen=True, slots=True)
class Score:
    hits: tuple[Keyword, ...]
    misses: tuple[Keyword, ...]
    spans: tuple[tuple[int, int], ...]  # where the hits are in the typed answer
    suggested: int  # 1 Again, 2 Hard, 3 Good

    @property
    def ratio(self) -> float:
        total = len(self.hits) + len(self.misses)
        return len(self.hits) / total if total else 0.0


def suggest(hit: int, total: int) -> int:
    if total and hit == total:
        return GOOD
    if total and hit * 2 >= total:
        return HARD
    return AGAIN


def score(answer: str, keywords: tuple[Keyword, ...] | list[Keyword]) -> Score:
    words = tokens(answer)
    hits, misses, spans = [], [], []
    for keyword in keywords:
        found = None
        for form in keyword.forms:
            found = _find([t for t, _, _ in tokens(form)], words)
            if found:
                break
        if found:
            hits.append(keyword)
            spans.append(found)
        else:
            misses.append(keyword)
    return Score(tuple(hits), tuple(misses), tuple(sorted(spans)), suggest(len(hits), len(keywords)))
