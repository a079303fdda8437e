"""Every card can be answered well in a typed answer: its keywords score fairly.

A keyword form is the idea in words people type, never a truncated stem, so
each form must match its common inflections; the card's own model answer
must score Good; and a card must ask for ideas beyond its question's words.
"""

from __future__ import annotations

import re

import pytest

from coach.content.library import load_library
from coach.content.models import Keyword
from coach.practice.scoring import GOOD, score, score_question

WORD = re.compile(r"(?=.*[aeiou])[a-z]{5,}")
VERB = ("at", "ate", "ize", "ise", "ify", "ect", "uct", "ish", "ag")  # validat(e), propagat(e)
ADJECTIVE = ("al", "ent", "ant", "ive", "ous", "ful", "ible", "able")
TRUNCATED = re.compile(r"[bcdfgkpt]l$")  # no English word ends like "multipl"


@pytest.fixture(scope="module")
def questions():
    lib = load_library(user=False, katas=False)
    assert lib.problems == [], "\n".join(map(str, lib.problems))
    return lib.questions


def inflections(word: str) -> tuple[str, list[str]]:
    """The plural (or third person) of ``word``; its -ing and -ed forms, and an adverb for adjectives."""
    if word.endswith(("s", "x", "ch", "sh")):
        plural = word + "es"
    elif word.endswith("y") and word[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    root = word.removesuffix("e")
    adverb = [word + "ally"] if word.endswith("ic") else [word + "ly"] if word.endswith(ADJECTIVE) else []
    return plural, [root + "ing", root + "ed", *adverb]


def matches(form: str, text: str) -> bool:
    idea = score(f"the {text} here", (Keyword((form,)),)).ideas[0]
    return idea.hit and idea.via == "words"  # not by typo tolerance


def test_every_card_s_own_answer_scores_good(questions):
    weak = []
    for q in questions:
        result = score(q.answer, q.keywords, q.question)  # keywords alone, without the meaning signal
        if result.suggested < GOOD or result.mixed:
            missed = [i.label for i in result.asked if not i.hit]
            weak.append(f"{q.id}: suggested {result.suggested}, missed {missed}")
    assert not weak, "model answers that do not score Good:\n" + "\n".join(weak)


def test_every_keyword_form_matches_its_common_inflections(questions):
    """A truncated stem (``validat``, ``multipl``) matches none of the words people type."""
    stiff = []
    for q in questions:
        for keyword in q.keywords:
            for form in keyword.forms:
                if not WORD.fullmatch(form):  # identifiers, acronyms and phrases are typed as they are
                    continue
                plural, others = inflections(form)
                if form.endswith(("s", "ed", "ing", "ly")):
                    ok = True  # already an inflected word
                elif form.endswith(VERB) or form.endswith(ADJECTIVE + ("ic",)):
                    ok = matches(form, plural) and any(matches(form, o) for o in others)
                else:
                    ok = matches(form, plural)
                if not ok or TRUNCATED.search(form):
                    stiff.append(f"{q.id}: {form!r}")
    assert not stiff, "keyword forms that only the exact spelling can hit:\n" + "\n".join(stiff)


def test_every_card_asks_for_more_than_its_question(questions):
    thin = []
    for q in questions:
        asked = score_question("", q).asked
        if len(asked) < 3:
            thin.append(f"{q.id}: only {len(asked)} key ideas beyond the question's own words")
    assert not thin, "\n".join(thin)


def test_every_key_idea_can_be_reached_beyond_the_question_s_words(questions):
    """A group made only of the question's words earns nothing: it would be a key idea no answer can hit."""
    from coach.practice.scoring import ASKED

    echoes = []
    for q in questions:
        for idea in score("", q.keywords, q.question).ideas:
            if idea.status == ASKED:
                echoes.append(f"{q.id}: {list(idea.keyword.forms)}")
    assert not echoes, "key ideas made only of the question's words:\n" + "\n".join(echoes)
