"""Which words of an answer are negated, and which sentences are hedges.

A negation cue (``not``, ``never``, ``no``, ``without``, ``doesn't``, …)
reaches forward to the end of its clause: a comma, a semicolon, the end of
the sentence, or a word that starts a new clause (``and``, ``but``, ``so``,
``because``, …, unless it is the very word denied: "not because of X"). It
reaches across commas into a list that ends in ``or`` or ``nor`` ("not A,
B or C"). A denied verb (``doesn't``, ``is not``, ``never``) also covers a
short subject before it: in "route order doesn't matter" the claim about
route order is denied. ``instead of``, ``rather than`` and ``unlike``
reverse what follows them. In a clause opened by ``if``, ``when``, ``unless``
and the like, a negation ends where the main clause's subject and verb
start without a comma ("if nothing else holds the task it can be
collected"). A hedge (``no idea``, ``not sure``, ``I don't know``) covers its
whole sentence: nothing in it is a claim. ``not sure``/``don't know`` hedge
only when the speaker says them, not of someone else ("when you don't know
up front how many files").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.practice.wording import Word

NEGATORS = frozenset({"not", "no", "never", "nor", "neither", "without", "nothing", "non", "nobody",
                      "nowhere", "cannot"})
# "not only X but also Y" asserts X; "no matter" is not a negation either.
_NOT_NEGATING = frozenset({("not", "only"), ("not", "just"), ("not", "merely"), ("no", "matter"),
                           ("not", "necessarily")})
_REVERSING = (("instead", "of"), ("rather", "than"), ("as", "opposed", "to"), ("unlike",))
_HEDGES = (("no", "idea"), ("not", "sure"), ("not", "know"), ("no", "clue"), ("not", "certain"),
           ("unsure",), ("i", "forget"), ("i", "forgot"), ("not", "remember"), ("not", "recall"),
           ("dunno",), ("not", "understand"), ("never", "heard"))
# "not know", "not sure", …: a hedge only when the speaker says it ("I don't know", "Not sure, …"),
# not a claim about someone else ("when you don't know up front how many files").
_SPEAKER = frozenset({"i", "we", "im", "honestly", "really", "actually", "just", "quite", "totally", "even",
                      "still", "fully", "entirely", "exactly", "truly", "frankly"})
_CONDITIONS = frozenset({"if", "when", "whenever", "once", "unless", "until"})
_PRONOUNS = frozenset({"it", "they", "you", "we", "he", "she", "i", "this", "that", "there"})
CLAUSE_WORDS = frozenset({"and", "but", "so", "because", "since", "while", "whereas", "although", "though",
                          "yet", "however", "unless", "until", "when", "whenever", "if", "then", "otherwise",
                          "except", "thus", "therefore", "hence", "meanwhile"})
_HARD = re.compile(r"[.!?;:](?:\s|$)|\n")
_SOFT = re.compile(r"[,()\[\]]|\s[-–—]+\s|[–—]")

HARD, SOFT = 2, 1
_PREFIXES = frozenset({"non"})
_RELATIVE = frozenset({"that", "which", "who", "whose", "where"})  # "a Future that is not done"
# "liveness only says [the process is not stuck]": the denial's subject starts after these
_REPORTING = frozenset({"says", "say", "means", "mean", "checks", "check", "ensures", "ensure", "tells", "shows",
                        "show", "asks", "ask", "knows", "know", "thinks", "think", "reports", "report", "confirms",
                        "confirm", "verifies", "verify", "guarantees", "guarantee", "proves", "prove", "assumes",
                        "assume", "expects", "expect", "claims", "claim", "promises", "promise"})
_SUBJECT_STOPS = _RELATIVE | _REPORTING
_SUBJECT = 6  # words before a denied verb that still belong to its claim
AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "be", "can", "could", "will", "would",
                         "should", "has", "have", "had", "must", "may", "might", "shall", "need"})


@dataclass(frozen=True, slots=True)
class Polarity:
    cue: tuple[int | None, ...]  # per word: the index of the first word that negates it, if any
    flips: tuple[int, ...]  # per word: negations covering it (a "without" inside a denial counts again)
    hedged: tuple[bool, ...]  # per word: inside a hedged sentence ("no idea what …")

    def negated(self, k: int) -> bool:
        """Word ``k`` is denied: "take effect without reinstalling" denies it, "can't … without" does not."""
        return self.flips[k] % 2 == 1


def _breaks(text: str, ws: list[Word]) -> list[int]:
    """Per word: HARD or SOFT when a sentence or clause starts at it, else 0."""
    out = [HARD] * len(ws)
    for i in range(1, len(ws)):
        if ws[i].start == ws[i - 1].start:  # the two halves of a contraction
            out[i] = 0
            continue
        gap = text[ws[i - 1].end:ws[i].start]
        if _HARD.search(gap):
            out[i] = HARD
        elif _SOFT.search(gap) or ws[i].text in CLAUSE_WORDS:
            out[i] = SOFT
        else:
            out[i] = 0
    return out


def _at(ws: list[Word], i: int, seq: tuple[str, ...]) -> bool:
    return i + len(seq) <= len(ws) and all(ws[i + k].text == seq[k] for k in range(len(seq)))


def _list_reach(ws: list[Word], breaks: list[int], text: str, start: int) -> int:
    """From a comma at ``start``: the end of a short list closed by or/nor, else ``start``."""
    i = start
    chunk = 0
    while i < len(ws) and breaks[i] != HARD:
        if i > start and breaks[i] == SOFT:
            if ws[i].text in CLAUSE_WORDS or chunk > 4:
                return start
            chunk = 0
        if ws[i].text in NEGATORS and ws[i].text != "nor":
            return start  # "not A, B doesn't C": a clause of its own, not an item of the list
        if ws[i].text in ("or", "nor"):
            if _main_clause_starts(ws, i + 1, text):
                return start  # "no X, or there's Y": a clause of its own, not an item
            j = i + 1
            while j < len(ws) and not breaks[j]:
                j += 1
            return j
        chunk += 1
        i += 1
    return start


_BEFORE_HEDGE = AUXILIARIES | _SPEAKER


def denial_auxiliary(ws: list[Word], i: int) -> bool:
    """The "does" of "doesn't": part of the negation, never a word of the claim itself."""
    return ws[i].text in AUXILIARIES and i + 1 < len(ws) and ws[i + 1].text in NEGATORS and not ws[i].code


def _speaker_hedges(ws: list[Word], breaks: list[int], i: int, hedge: tuple[str, ...]) -> bool:
    """A hedge the speaker makes: not "not …" said of someone else."""
    if hedge[0] not in ("not", "never"):
        return True
    k = i - 1
    while k >= 0 and ws[k].text in _BEFORE_HEDGE and ws[k].text not in ("i", "we"):
        if breaks[k + 1]:
            return True  # "Not sure, …", "Honestly, not sure": no other subject
        k -= 1
    return k < 0 or bool(breaks[k + 1]) or ws[k].text in ("i", "we")


def _in_condition(ws: list[Word], breaks: list[int], i: int) -> bool:
    """The word at ``i`` is in a clause opened by if/when/unless/… ("If nothing else holds it, …")."""
    k = i
    while k > 0 and breaks[k] != HARD:
        if ws[k].text in _CONDITIONS:
            return True
        if breaks[k] == SOFT:
            return False
        k -= 1
    return ws[k].text in _CONDITIONS


_CONTRACTED = re.compile(r"['’](?:s|re|ll|d|ve)$")


def _main_clause_starts(ws: list[Word], j: int, text: str) -> bool:
    """A subject pronoun and its verb: "…holds the task [it can] be collected", "or [there's] …"."""
    if j >= len(ws) or ws[j].text not in _PRONOUNS:
        return False
    return (j + 1 < len(ws) and ws[j + 1].text in AUXILIARIES) or bool(_CONTRACTED.search(text, ws[j].start, ws[j].end))


def _denies_verb(ws: list[Word], i: int) -> bool:
    """``doesn't``, ``is not``, ``never``: a denied predicate, whose subject the denial covers too."""
    if ws[i].text == "never":
        return True
    return ws[i].text == "not" and i > 0 and ws[i - 1].text in AUXILIARIES


def polarity(text: str, ws: list[Word]) -> Polarity:
    breaks = _breaks(text, ws)
    cue: list[int | None] = [None] * len(ws)
    flips = [0] * len(ws)

    def deny(k: int, by: int) -> None:
        if cue[k] is None:
            cue[k] = by
        if not flips[k] or ws[by].text == "without":  # "can't take effect without reinstalling" asserts it
            flips[k] += 1
    hedged = [False] * len(ws)
    i = 0
    while i < len(ws):
        w = ws[i]
        if w.code:
            i += 1
            continue
        if any(_at(ws, i, h) and _speaker_hedges(ws, breaks, i, h) for h in _HEDGES):
            s = i
            while s > 0 and breaks[s] != HARD:
                s -= 1
            e = i + 1
            while e < len(ws) and breaks[e] != HARD:
                e += 1
            for k in range(s, e):
                hedged[k] = True
        reverse = next((r for r in _REVERSING if _at(ws, i, r)), None)
        negates = w.text in NEGATORS and not any(_at(ws, i, p) for p in _NOT_NEGATING)
        if negates and _denies_verb(ws, i):
            s = i
            while s > 0 and not breaks[s] and ws[s - 1].text not in _SUBJECT_STOPS:
                s -= 1
            if i - s <= _SUBJECT:  # "Route order doesn't matter": the subject is part of the claim
                for k in range(s, i):
                    deny(k, i)
        if negates and w.text in _PREFIXES:
            if i + 1 < len(ws) and cue[i + 1] is None:
                deny(i + 1, i)  # "non-blocking": the prefix denies one word
        elif negates or reverse:
            j = i + (len(reverse) if reverse else 1)
            while j < len(ws) and ws[j].start == w.start:
                j += 1  # the rest of a contraction
            first = j
            conditional = _in_condition(ws, breaks, i)
            while j < len(ws):
                if breaks[j] == HARD or (conditional and j > first and _main_clause_starts(ws, j, text)):
                    break
                if j == first and ws[j].text in CLAUSE_WORDS and not _SOFT.search(text[ws[j - 1].end:ws[j].start]):
                    pass  # "not because of ASGI", "not when": the clause word is what is denied
                elif breaks[j] == SOFT:
                    reach = _list_reach(ws, breaks, text, j) if ws[j].text not in CLAUSE_WORDS else j
                    if reach == j:
                        break
                    for k in range(j, reach):
                        deny(k, i)
                    j = reach
                    continue
                deny(j, i)
                j += 1
        i += 1
    return Polarity(tuple(cue), tuple(flips), tuple(hedged))
