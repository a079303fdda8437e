"""Typed-answer scoring: folding, alternatives, inflections, phrases, suggestions."""

from __future__ import annotations

import pytest

from coach.content.models import Keyword
from coach.practice.scoring import AGAIN, GOOD, HARD, score, stem


def kws(*items):
    return tuple(Keyword(i if isinstance(i, tuple) else (i,)) for i in items)


@pytest.mark.parametrize(
    ("answer", "keyword", "hit"),
    [
        ("It uses the GIL.", "gil", True),                              # case folded
        ("global-interpreter lock!", ("GIL", "global interpreter lock"), True),  # alternative, punctuation
        ("Threads share memory", "thread", True),                       # plural
        ("threading is fine for I/O", "thread", True),                  # -ing
        ("results are cached", "caching", True),                        # both inflected
        ("multiple processes", "process", True),                        # -es after ss
        ("it serializes the model", "serialization", True),
        ("calls __eq__ to compare", "__eq__", True),                     # underscores folded
        ("the event loop runs tasks", "event loop", True),              # phrase
        ("a loop over events", "event loop", False),                    # phrase words out of order
        ("coroutine", "routine", False),                                # no substring matches
        ("", "anything", False),
        ("Café au lait", "cafe", True),                                 # accents folded
    ],
)
def test_keyword_matching(answer, keyword, hit):
    result = score(answer, kws(keyword))
    assert bool(result.hits) is hit


@pytest.mark.parametrize(
    ("hits", "total", "suggested"),
    [(4, 4, GOOD), (3, 4, HARD), (2, 4, HARD), (1, 4, AGAIN), (0, 4, AGAIN), (1, 1, GOOD), (2, 3, HARD),
     (1, 3, AGAIN)],
)
def test_suggested_rating_table(hits, total, suggested):
    words = [f"word{i}" for i in range(total)]
    answer = " ".join(words[:hits])
    result = score(answer, kws(*words))
    assert len(result.hits) == hits and len(result.misses) == total - hits
    assert result.suggested == suggested


def test_hits_misses_and_spans_are_reported():
    answer = "A generator yields values lazily, one at a time."
    result = score(answer, kws("yield", ("lazy", "lazily"), "memory"))
    assert [k.label for k in result.hits] == ["yield", "lazy"]
    assert [k.label for k in result.misses] == ["memory"]
    assert [answer[a:b] for a, b in result.spans] == ["yields", "lazily"]
    assert result.ratio == pytest.approx(2 / 3)


def test_stemmer_is_conservative_with_short_words():
    assert stem("is") == "is"
    assert stem("use") == "use"
    assert stem("class") == stem("classes") == "class"
