"""Words of a typed answer as the scorer sees them: folded, stemmed, located.

Stemming is Snowball's English stemmer (snowballstemmer, which uses the C
PyStemmer when it is installed); on top of it a few folds that interviews
need: common abbreviations (``dict`` = ``dictionary``), British spellings,
``-ly`` adverbs and a final ``-y`` (``lazily`` = ``lazy``, ``expiry`` =
``expire``). Contractions are split so that negation is a word of its own
(``doesn't`` -> ``does`` ``not``), both carrying the contraction's place in
the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]
from rapidfuzz.distance import OSA

# A word, with inner apostrophes (don't, it's); "I/O" as one word; big-O notation as one word
# ("O(n log n)"), so that O(n) never matches O(n^2) or the word "on".
_WORD = re.compile(r"\bo\(\s*[^()\n]{1,24}?\)|i\s*/\s*o(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*", re.IGNORECASE)
_BIG_O = re.compile(r"o\(.*\)")
_CODE = re.compile(r"`[^`\n]*`")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")

ARTICLES = frozenset({"a", "an", "the"})
# Written short or long, the same word to an interviewer.
_SAME = {
    "dictionary": "dict", "dictionaries": "dict", "dicts": "dict",
    "argument": "arg", "arguments": "arg", "args": "arg",
    "parameter": "param", "parameters": "param", "params": "param",
    "asynchronous": "async", "asynchronously": "async",
    "synchronous": "sync", "synchronously": "sync",
    "configuration": "config", "configurations": "config", "configs": "config",
    "application": "app", "applications": "app", "apps": "app",
    "environment": "env", "environments": "env",
    "repository": "repo", "repositories": "repo",
    "function": "func", "functions": "func", "funcs": "func",
    "attribute": "attr", "attributes": "attr", "attrs": "attr",
    "variable": "var", "variables": "var", "vars": "var",
    "database": "db", "databases": "db", "dbs": "db",
    "information": "info",
    "identifier": "id", "identifiers": "id", "ids": "id",
    "millisecond": "ms", "milliseconds": "ms",
    "i/o": "io", "input/output": "io",
    "into": "in", "onto": "on",  # "load it into memory" says "in memory"
}
_BRITISH = re.compile(r"^(\w{3,})is(e|ed|es|er|ers|ing|ation|ations)$")
_stemmer = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Case, accents and curly quotes folded away."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _snowball(word: str) -> str:
    if word.endswith("iour"):
        word = word[:-4] + "ior"
    word = _BRITISH.sub(r"\1iz\2", word)
    root: str = _stemmer.stemWord(word)
    if word.endswith("ly") and root.endswith("li") and len(root) >= 6:
        root = root[:-2]
    if root.endswith(("i", "e")) and len(root) >= 5:
        root = root[:-1]  # expiry = expire, queue = queuing
    return root


# Stem level, so that every inflection of the long word joins the short one.
_SAME_STEMS = {_snowball(long): _snowball(short) for long, short in _SAME.items()}


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The form a word is compared in: ``validation`` and ``validates`` agree."""
    word = fold(word)
    word = re.sub(r"\s+", "", word) if "/" in word else word
    word = _SAME.get(word, word)
    root = _snowball(word)
    return _SAME_STEMS.get(root, root)


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # folded surface form (contractions split: "does", "not")
    stem: str
    start: int  # offsets into the original text
    end: int
    code: bool = False  # inside a `code span`: never a negation cue


def _split_contraction(word: str) -> list[str]:
    if word.endswith("n't"):
        head = word[:-3]
        head = {"ca": "can", "wo": "will", "sha": "shall"}.get(head, head)
        return [head, "not"] if head else ["not"]
    if word == "cannot":
        return ["can", "not"]
    return [word.split("'")[0]] if "'" in word else [word]


def words(text: str) -> list[Word]:
    """Every word of ``text`` in order, with offsets into ``text``."""
    code = [(m.start(), m.end()) for m in _CODE.finditer(text)] if "`" in text else []
    out: list[Word] = []
    for m in _WORD.finditer(text):
        start, end = m.span()
        in_code = any(a <= start < b for a, b in code)
        raw = fold(m.group())
        if _BIG_O.fullmatch(raw):
            raw = re.sub(r"\s+", "", fold(m.group().replace("²", "^2").replace("³", "^3"))).replace("**", "^")
            out.append(Word(raw, raw, start, end, in_code))
            continue
        if "/" in raw:
            raw = "i/o"
        if _ACRONYM_PLURAL.fullmatch(m.group()):  # "TTLs", "JWTs": no vowel for Snowball to see a plural by
            out.append(Word(raw, stem(raw[:-1]), start, end, in_code))
            continue
        for part in _split_contraction(raw):
            out.append(Word(part, stem(part), start, end, in_code))
    return out


def complexities(text: str) -> frozenset[str]:
    """The big-O terms ``text`` states, normalised as ``words`` gives them ("o(n^2)")."""
    return frozenset(w.text for w in words(text) if w.text.startswith("o("))


def similar(a: Word | str, b: str) -> bool:
    """Typo tolerance for longer words: one edit from six letters, two from ten.

    The first two letters must agree, so ``mutable`` never matches
    ``immutable`` and ``sync`` never ``async``.
    """
    x = a.text if isinstance(a, Word) else a
    shortest = min(len(x), len(b))
    if shortest < 6 or x[:2] != b[:2] or x.isdigit() or b.isdigit() or "(" in x or "(" in b:
        return False
    allowed = 2 if shortest >= 10 else 1
    return OSA.distance(x, b, score_cutoff=allowed) <= allowed
