"""Scoring a typed answer against a card's key ideas, as an interviewer would.

Each keyword group is one key idea with the ways people say it. A group is
hit when the answer says one of its forms: Snowball stems, so any inflection
counts (``validation``, ``validates``); abbreviations and British spellings
fold (``dict``/``dictionary``); a longer word may carry a typo; a phrase may
have two extra words inside it (``blocks the whole event loop``). Three things
earn nothing:

- words that only repeat the question: a form made only of the question's
  words never counts, and a group made only of such forms is not asked;
- a claim the answer negates or reverses: ``doesn't block the loop`` cancels
  ``blocks the event loop``, and a form that states a negative (``not
  atomic``) is cancelled by its positive (``is atomic``);
- anything in a hedged sentence ("no idea what mutable or hash mean").

The suggestion: at least 60% of the asked ideas -> Good, at least 30% (or
one idea of a two-idea card) -> Hard, fewer -> Again; a cancelled idea
counts half an idea against the answer. With the meaning signal on
(``coach.practice.meaning``) the words alone need 70%; below that a key idea
the words missed may be found in meaning, in the clause of the answer
closest to the model answer's sentence about it, and the answer is Good
when the ideas said either way reach 60% and the answer as a whole reads
like the model answer (more than like the card's pitfall). Ideas credited
this way say so (``via="meaning"``) and point at that clause. When the
evidence is mixed (ideas both hit and cancelled, or words and meaning
disagree) the result says so and the screen preselects nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from coach.content.models import Keyword, Question
from coach.practice.forms import compile_form, occurrences
from coach.practice.gist import gist, sentence_at, units
from coach.practice.meaning import MEANING
from coach.practice.polarity import NEGATORS, Polarity, denial_auxiliary, polarity
from coach.practice.wording import ARTICLES, Word, complexities, stem, words

__all__ = [
    "AGAIN",
    "ASKED",
    "EASY",
    "GOOD",
    "HARD",
    "HIT",
    "MISS",
    "NEGATED",
    "Idea",
    "Score",
    "configure",
    "in_model_answer",
    "prepare",
    "score",
    "score_question",
    "semantic_enabled",
    "stem",
    "suggest",
    "tokens",
    "warm_up",
]

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
HIT, MISS, NEGATED, ASKED = "hit", "miss", "negated", "in the question"


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for each word of ``text``, offsets into the original."""
    return [(w.stem, w.start, w.end) for w in words(text)]


@lru_cache(maxsize=512)
def _question_stems(question: str) -> frozenset[str]:
    return frozenset(w.stem for w in words(question))


@dataclass(frozen=True, slots=True)
class Idea:
    """One key idea and what the answer did with it."""

    keyword: Keyword
    status: str  # HIT, MISS, NEGATED (cancelled by negation or a hedge), ASKED (only the question's words)
    form: str | None = None  # the keyword form matched (or cancelled)
    said: str | None = None  # the answer's words that matched, as typed
    span: tuple[int, int] | None = None  # where ``said`` is in the answer
    cue: str | None = None  # what cancelled it, as typed: "doesn't", "no idea"
    via: str | None = None  # "words", "typo" or "meaning"

    @property
    def label(self) -> str:
        return self.keyword.label

    @property
    def hit(self) -> bool:
        return self.status == HIT

    @property
    def negated(self) -> bool:
        return self.status == NEGATED


@dataclass(frozen=True, slots=True)
class Score:
    ideas: tuple[Idea, ...]
    suggested: int  # 1 Again, 2 Hard, 3 Good: the best guess, always given
    mixed: bool = False  # evidence both ways: preselect no rating, compare with the model answer
    closeness: float | None = None  # cosine similarity to the model answer, when the meaning signal ran
    by_meaning: bool = False  # the meaning signal raised the suggestion to Good

    @property
    def hits(self) -> tuple[Keyword, ...]:
        return tuple(i.keyword for i in self.ideas if i.status == HIT)

    @property
    def misses(self) -> tuple[Keyword, ...]:
        return tuple(i.keyword for i in self.ideas if i.status in (MISS, NEGATED))

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where the hits are in the typed answer."""
        return tuple(sorted(i.span for i in self.ideas if i.status == HIT and i.span))

    @property
    def asked(self) -> tuple[Idea, ...]:
        """The ideas this card really asks for (not the question's own words)."""
        return tuple(i for i in self.ideas if i.status != ASKED)

    @property
    def ratio(self) -> float:
        asked = self.asked
        return sum(i.hit for i in asked) / len(asked) if asked else 0.0

    @property
    def preselect(self) -> int | None:
        """The rating a screen may preselect: none when the evidence is mixed."""
        return None if self.mixed else self.suggested


def suggest(hit: int, total: int, cancelled: int = 0) -> int:
    if not total:
        return AGAIN
    credit = hit - cancelled / 2
    if credit * 5 >= total * 3:
        return GOOD
    if credit * 10 >= total * 3 or (total <= 2 and credit >= 1):
        return HARD
    return AGAIN


def _judge(keyword: Keyword, answer: str, ws: list[Word], content: list[int], pol: Polarity,
           asked: frozenset[str]) -> Idea:
    forms = [compile_form(f) for f in keyword.forms]
    forms = [f for f in forms if f.core]
    live = [f for f in forms if not all(s in asked for s, _ in f.core)]
    if forms and not live:
        return Idea(keyword, ASKED)
    cancelled: Idea | None = None
    for form in live:
        for idx, via in occurrences(form, ws, content):
            start, end = ws[idx[0]].start, ws[idx[-1]].end
            if answer.count("(", start, end) > answer.count(")", start, end) and answer[end:end + 1] == ")":
                end += 1  # "pop(0)", not "pop(0"
            said = answer[start:end]
            hedge = next((k for k in idx if pol.hedged[k]), None)
            cues = [c for k in idx if pol.negated(k) and (c := pol.cue[k]) is not None]
            negated = bool(cues)
            if hedge is None and negated == form.negated:
                return Idea(keyword, HIT, form.text, said, (start, end), None, via)
            if cancelled is None:
                if hedge is not None:
                    cue = "hedged"
                elif cues:
                    cue_word = ws[cues[0]]
                    cue = answer[cue_word.start:cue_word.end]
                else:
                    cue = "stated positively"
                cancelled = Idea(keyword, NEGATED, form.text, said, (start, end), cue, via)
    return cancelled or Idea(keyword, MISS)


def score(answer: str, keywords: tuple[Keyword, ...] | list[Keyword], question: str = "") -> Score:
    """Score ``answer`` against ``keywords``; pass the ``question`` so its own words earn nothing."""
    ws = words(answer)
    pol = polarity(answer, ws)
    content = [i for i, w in enumerate(ws) if w.text not in ARTICLES and (w.text not in NEGATORS or w.code)
               and not denial_auxiliary(ws, i)]  # as forms leave it out
    asked = _question_stems(question) if question else frozenset()
    ideas = tuple(_judge(k, answer, ws, content, pol, asked) for k in keywords)
    real = [i for i in ideas if i.status != ASKED]
    hit = sum(i.status == HIT for i in real)
    cancelled = sum(i.status == NEGATED for i in real)
    mixed = hit > 0 and cancelled > 0
    return Score(ideas, suggest(hit, len(real), cancelled), mixed)


# The meaning signal, measured with bench/scoring.py on the repo's set. The
# words alone make an answer Good from 70% of the asked ideas (60% without
# the signal). Below that, a key idea the words missed counts when a clause
# of the answer is close in meaning to the sentence of the model answer that
# says it (the idea's context); the answer is then Good when the ideas said
# in words or in meaning reach 60%, nothing is cancelled or hedged, and the
# whole answer reads like the model answer (and more like it than like the
# card's pitfall). Every comparison leaves out the question's own words.
_WORDS_ALONE = 0.7
_IDEA_NEAR = 0.3  # an idea's context to the closest clause of the answer
_WITH_MEANING = 0.6
_CLOSE = 0.6  # the whole answer to the model answer
_MARGIN = 0.1  # ... minus the whole answer to the pitfall


@dataclass(frozen=True, slots=True)
class _Refs:
    """A card's reference texts for the meaning signal, question words left out."""

    texts: tuple[str, ...]  # the model answer's prose, the pitfall, then each key idea's context
    asked: frozenset[str]


_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.DOTALL | re.MULTILINE)


def reference(question: Question) -> tuple[str, str]:
    """The model answer's prose and the pitfall (without a pitfall, the question).

    Code blocks are left out: a typed answer is prose, and code tokens would pull
    the model answer's vector away from it.
    """
    prose = _FENCE.sub(" ", question.answer).strip() or question.answer
    return prose, question.pitfall or question.question


@lru_cache(maxsize=256)
def _refs(question: Question) -> _Refs:
    prose, pitfall = reference(question)
    asked = _question_stems(question.question)
    located = score(prose, question.keywords, question.question)
    contexts = []
    for idea in located.ideas:
        around = sentence_at(prose, idea.span[0]) if idea.span else ""
        contexts.append(gist(f"{around} {' '.join(idea.keyword.forms)}", asked))
    return _Refs((gist(prose, asked), gist(pitfall, asked), *contexts), asked)


@lru_cache(maxsize=1024)
def _complexities_of(keyword: Keyword) -> frozenset[str]:
    return frozenset().union(*(complexities(form) for form in keyword.forms))


def _said_in_other_words(result: Score, answer: str, spans: list[tuple[int, int]],
                         grid: list[list[float]]) -> dict[int, tuple[int, int]]:
    """Missed idea -> the clause of the answer that says it in meaning; one idea per clause, closest first.

    Notation is exact: a clause that states a complexity ("O(n)") never says
    another one (O(1)) in other words, however close its vector.
    """
    stated = [complexities(answer[a:b]) for a, b in spans]
    pairs = sorted(((grid[1 + j][2 + k], k, j) for k, idea in enumerate(result.ideas) if idea.status == MISS
                    for j in range(len(spans))
                    if not (stated[j] and _complexities_of(idea.keyword) - stated[j])), reverse=True)
    near: dict[int, tuple[int, int]] = {}
    used: set[int] = set()
    for similarity, k, j in pairs:
        if similarity < _IDEA_NEAR:
            break
        if k not in near and j not in used:
            near[k] = spans[j]
            used.add(j)
    return near



def _with_meaning(result: Score, answer: str, question: Question) -> Score:
    refs = _refs(question)
    spans = units(answer)
    grid = MEANING.similarities([gist(answer, refs.asked)] + [gist(answer[a:b], refs.asked) for a, b in spans],
                                refs.texts)
    asked = result.asked
    if grid is None:
        return result
    to_answer, to_pitfall = grid[0][0], grid[0][1]
    if not asked:
        return replace(result, closeness=to_answer)
    near = _said_in_other_words(result, answer, spans, grid)
    hit = sum(i.hit for i in asked)
    cancelled = sum(i.negated for i in asked)
    agrees = to_answer >= _CLOSE and to_answer - to_pitfall >= _MARGIN
    by_words = hit - cancelled / 2 >= _WORDS_ALONE * len(asked)
    if not by_words and not (agrees and hit + len(near) - cancelled >= _WITH_MEANING * len(asked)):
        return replace(result, suggested=min(result.suggested, HARD), closeness=to_answer,
                       mixed=result.mixed or result.suggested > HARD)
    ideas, suggested = result.ideas, GOOD
    if suggested > result.suggested:  # credit the ideas said in other words, where they were said
        ideas = tuple(replace(i, status=HIT, said=answer[slice(*near[k])], span=near[k], via="meaning")
                      if k in near else i for k, i in enumerate(ideas))
    return replace(result, ideas=ideas, suggested=suggested, closeness=to_answer,
                   by_meaning=suggested > result.suggested,
                   mixed=result.mixed or suggested != result.suggested)


def warm_up() -> None:
    """Start loading the meaning model in the background (a screen calls this early)."""
    if semantic_enabled():
        MEANING.warm_up()


def prepare(question: Question) -> None:
    """Call when a card is shown: scoring a typed answer to it then stays fast."""
    if semantic_enabled():
        MEANING.prepare(_refs(question).texts)


def in_model_answer(question: Question, text: str | None = None) -> Score:
    """The key ideas located in the card's own answer, for a side-by-side view.

    Each hit's ``span`` is an offset into ``text``: the card's answer (its
    Markdown source) unless a screen passes the form it shows (say, its prose).
    """
    return score(question.answer if text is None else text, question.keywords, question.question)


def score_question(answer: str, question: Question, *, wait: bool = False) -> Score:
    """Score a typed answer to ``question``: its own words earn nothing.

    With the meaning signal on (``configure``), it is used when the model is
    loaded, or after loading it when ``wait`` is true (the CLI waits; a
    screen calls ``warm_up()`` early and ``prepare()`` per card instead).
    """
    result = score(answer, question.keywords, question.question)
    if not answer.strip() or not semantic_enabled():
        return result
    if wait and not MEANING.ready():
        MEANING.load()
    return _with_meaning(result, answer, question)


_settings = {"semantic": True}  # on whenever the model is installed and COACH_SEMANTIC is not 0


def configure(*, semantic: bool) -> None:
    """Turn the meaning signal on or off for this process."""
    _settings["semantic"] = semantic


def semantic_enabled() -> bool:
    return _settings["semantic"] and MEANING.available()
