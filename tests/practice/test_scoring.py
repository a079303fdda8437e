"""Typed-answer scoring: forms and inflections, typos, question echoes, negation, hedges, ratings."""

from __future__ import annotations

import pytest

from coach.content.library import load_library
from coach.content.models import Keyword
from coach.practice.scoring import (
    AGAIN,
    ASKED,
    GOOD,
    HARD,
    HIT,
    MISS,
    NEGATED,
    score,
    score_question,
    stem,
)


def kws(*items):
    return tuple(Keyword(i if isinstance(i, tuple) else (i,)) for i in items)


def hit(answer: str, keyword, question: str = "") -> bool:
    return bool(score(answer, kws(keyword), question).hits)


@pytest.mark.parametrize(
    ("answer", "keyword", "expected"),
    [
        ("It uses the GIL.", "gil", True),                              # case folded
        ("global-interpreter lock!", ("GIL", "global interpreter lock"), True),  # alternative, punctuation
        ("Threads share memory", "thread", True),                       # plural
        ("threading is fine for I/O", "thread", True),                  # -ing
        ("results are cached", "caching", True),                        # both inflected
        ("multiple processes", "process", True),                        # -es after ss
        ("it serializes the model", "serialization", True),
        ("it serialises the model", "serialization", True),             # British spelling
        ("calls __eq__ to compare", "__eq__", True),                     # underscores folded
        ("the event loop runs tasks", "event loop", True),              # phrase
        ("it blocks the whole event loop", "blocks the event loop", True),  # a stray word inside a phrase
        ("a loop over events", "event loop", False),                    # phrase words out of order
        ("coroutine", "routine", False),                                # no substring matches
        ("", "anything", False),
        ("Café au lait", "cafe", True),                                 # accents folded
        ("it works as a dictionary key", "dict key", True),             # abbreviations
        ("input validation at the edge", "validate", True),
        ("types are checked dynamically", "dynamic", True),
        ("the cache entry has an expiry", "expire", True),
        ("lazily evaluated", "lazy", True),
        ("a per-request session", "per request", True),
        ("the operation is atomically applied", "atomic", True),
        ("idempotency keys", "idempotent", True),
        ("write an assert", "assertions", True),
        ("synchronous code", "asynchronous", False),                    # opposites are not typos
        ("a mutable list", "immutable", False),
        ("threadsafe by design", "thread-safe", True),                  # written as one word
        ("short TTLs on every key", "TTL", True),                        # an acronym's plural
        ("DNS lookups", "DN", False),                                   # an acronym ending in S is not one
    ],
)
def test_keyword_forms_and_inflections(answer, keyword, expected):
    assert hit(answer, keyword) is expected


@pytest.mark.parametrize(
    ("answer", "keyword"),
    [("generators are evaulated lazily", "evaluated"), ("use a semaphre", "semaphore"),
     ("serialisation with pydnatic", "pydantic")],
)
def test_typos_in_longer_words_are_forgiven(answer, keyword):
    result = score(answer, kws(keyword))
    assert result.hits and result.ideas[0].via == "typo"


def test_short_words_need_the_exact_word():
    assert not hit("a lsit", "list")
    assert not hit("the cahce", "cache")


def test_each_idea_reports_the_form_and_the_words_that_matched():
    answer = "A tuple is fixed once created, and it can serve as a dictionary key."
    result = score(answer, kws(("hashable", "dict key"), "fixed", "shallow"))
    hashable, fixed, shallow = result.ideas
    assert (hashable.status, hashable.form, hashable.said) == (HIT, "dict key", "dictionary key")
    assert answer[slice(*hashable.span)] == "dictionary key"
    assert fixed.said == "fixed" and shallow.status == MISS and shallow.said is None
    assert [k.label for k in result.hits] == ["hashable", "fixed"]
    assert [k.label for k in result.misses] == ["shallow"]
    assert result.ratio == pytest.approx(2 / 3)


def test_the_chip_names_what_the_user_wrote_not_the_first_form():
    result = score("lists are mutable", kws(("immutable", "mutable")))
    assert result.ideas[0].form == "mutable" and result.ideas[0].said == "mutable"


def test_words_that_only_repeat_the_question_earn_nothing():
    question = "Which built-in types are mutable, and what makes an object hashable?"
    result = score("mutable and hashable, those matter", kws(("hashable", "__hash__"), ("mutable",)), question)
    assert [i.status for i in result.ideas] == [MISS, ASKED]
    assert result.suggested == AGAIN
    # Another form of the same idea still counts.
    assert score("it defines __hash__", kws(("hashable", "__hash__")), question).hits


@pytest.mark.parametrize(
    ("answer", "cue"),
    [
        ("Blocking code inside async def doesn't block the event loop.", "doesn't"),
        ("It never blocks the event loop", "never"),
        ("You can run it without blocking the event loop", "without"),
        ("It is not true that it blocks the event loop", "not"),
        ("There is no blocking of the event loop, or of other requests", "no"),
    ],
)
def test_negation_cancels_a_hit(answer, cue):
    result = score(answer, kws("blocks the event loop"))
    idea = result.ideas[0]
    assert idea.status == NEGATED and idea.cue == cue
    assert not result.hits


def test_negation_reaches_a_list_closed_by_or_but_stops_at_the_clause():
    result = score("It does not need to_thread, run_in_executor or a pool.", kws("to_thread", "run_in_executor"))
    assert [i.status for i in result.ideas] == [NEGATED, NEGATED]
    result = score("It is not fast, but it uses a thread pool", kws("thread pool"))
    assert result.ideas[0].status == HIT
    result = score("Decorators don't run at call time; they run at definition time.",
                   kws("definition time", "call time"))
    assert [i.status for i in result.ideas] == [HIT, NEGATED]


def test_a_negative_idea_needs_its_negation():
    keyword = kws(("not atomic", "race"))
    assert score("`x += 1` isn't atomic", keyword).ideas[0].status == HIT
    stated = score("`x += 1` is atomic", keyword).ideas[0]
    assert stated.status == NEGATED and stated.cue == "stated positively"
    assert score("non-blocking", kws("doesn't block")).hits


def test_not_only_is_not_a_negation():
    assert score("not only mutable but also hashable", kws("mutable")).hits


def test_negation_words_inside_code_are_code():
    assert score("check `x is not None` before the lock", kws("lock")).hits


@pytest.mark.parametrize("hedge", ["no idea what", "I'm not sure what", "I don't know what", "I forget what"])
def test_a_hedged_sentence_claims_nothing(hedge):
    result = score(f"{hedge} mutable, hash, equal or key mean", kws("mutable", "hash", "equal", "key"))
    assert result.hits == () and result.suggested == AGAIN
    assert all(i.status == NEGATED for i in result.ideas)


@pytest.mark.parametrize("sentence", [
    "When you don't know up front how many files to open, enter each with enter_context",
    "The caller is not sure the lock is free, so enter_context takes it",
])
def test_not_knowing_said_of_someone_else_is_a_claim_not_a_hedge(sentence):
    assert score(sentence, kws("enter_context")).hits


@pytest.mark.parametrize("hedge", ["Not sure, but enter_context maybe", "Honestly I really don't know what enter_context does"])
def test_the_speaker_s_own_hedge_still_claims_nothing(hedge):
    assert not score(hedge, kws("enter_context")).hits


def test_without_inside_a_denial_asserts_what_it_names():
    no_reinstall = kws("without reinstalling")  # the idea: edits show up with no reinstall
    assert score("edits take effect without reinstalling", no_reinstall).hits
    # "don't take effect without reinstalling" says a reinstall is needed: the idea is denied
    assert score("edits don't take effect without reinstalling", no_reinstall).ideas[0].status == NEGATED


def test_a_denial_reaches_into_a_list_but_not_into_the_next_clause_s_own_denial():
    assert score("it doesn't copy the list, the tuple or the dict", kws("tuple")).ideas[0].status == NEGATED
    answer = "run doesn't create a loop, await doesn't suspend or give control back"
    # the second clause is denied once, by its own "doesn't", not twice (which would read as asserted)
    assert score(answer, kws("gives control back")).ideas[0].status == NEGATED


def test_an_or_that_starts_a_clause_of_its_own_is_not_part_of_the_denied_list():
    answer = "Pick Django if the team has no async experience, or there's an existing admin app"
    assert score(answer, kws("admin app")).hits
    assert score("it has no async support, threads or processes", kws("processes")).ideas[0].status == NEGATED


@pytest.mark.parametrize(("answer", "expected"), [
    ("a nested loop over all pairs, O(n^2)", False),   # quadratic is not linear
    ("appending goes on the end", False),               # the word "on" is not O(n)
    ("one pass, O(n) time", True),
    ("one pass, o( N ) time", True),
])
def test_big_o_is_one_word_compared_whole(answer, expected):
    assert bool(score(answer, kws("O(n)")).hits) is expected


def test_what_was_said_keeps_its_closing_parenthesis():
    assert score("use deque instead of list.pop(0) here", kws("pop(0)")).ideas[0].said == "pop(0)"


def test_the_auxiliary_of_a_denial_is_not_a_stray_word_inside_a_phrase():
    # "doesn't" is "does" + "not": the form leaves both out, so the answer must too
    assert score("taking the biggest coin each time doesn't work", kws("biggest coin does not work")).hits


def test_a_denied_verb_s_subject_starts_after_a_reporting_verb():
    result = score("Liveness only says the process is not stuck", kws("liveness", "stuck"))
    assert [i.status for i in result.ideas] == [HIT, NEGATED]
    assert score("The liveness probe is not stuck", kws("liveness")).ideas[0].status == NEGATED


def test_a_negation_in_an_if_clause_ends_where_the_main_clause_starts():
    answer = "If nothing else holds the task it can be garbage collected"
    result = score(answer, kws("holds the task", "garbage collected"))
    assert [i.status for i in result.ideas] == [NEGATED, HIT]
    # with no condition, the negation still reaches the end of its clause
    assert score("nothing says it can be garbage collected", kws("garbage collected")).ideas[0].status == NEGATED


@pytest.mark.parametrize(
    ("hits", "total", "suggested"),
    [(5, 5, GOOD), (3, 5, GOOD), (2, 5, HARD), (1, 5, AGAIN), (0, 5, AGAIN), (3, 4, GOOD), (2, 4, HARD),
     (1, 4, AGAIN), (1, 2, HARD), (1, 3, HARD), (0, 1, AGAIN), (1, 1, GOOD)],
)
def test_suggested_rating_table(hits, total, suggested):
    words = [f"word{i}" for i in range(total)]
    result = score(" ".join(words[:hits]), kws(*words))
    assert len(result.hits) == hits and len(result.misses) == total - hits
    assert result.suggested == suggested and not result.mixed


def test_a_cancelled_idea_counts_against_the_answer_and_marks_it_mixed():
    keywords = kws("alpha", "beta", "gamma", "delta", "epsilon")
    result = score("alpha, beta and gamma. It does not need delta.", keywords)
    assert len(result.hits) == 3 and result.suggested == HARD
    assert result.mixed and result.preselect is None
    clean = score("alpha, beta and gamma.", keywords)
    assert clean.suggested == GOOD and clean.preselect == GOOD


def test_stems_come_from_snowball():
    assert stem("validation") == stem("validates") == stem("validated")
    assert stem("class") == stem("classes") != stem("clas")
    assert stem("is") == "is"


@pytest.fixture(scope="module")
def cards():
    return {q.id: q for q in load_library(user=False, katas=False).questions}


def test_the_issue_examples(cards):
    hashable = cards["py-mutable-hashable"]
    assert score_question("no idea what mutable, hash, equal or key mean", hashable).suggested == AGAIN
    tuples = cards["py-list-vs-tuple"]
    plain = ("You can change a list after you make it: add, remove or replace items. A tuple can't be "
             "changed once it exists, so it can be used as a dictionary key when its items can be "
             "hashed too, and it suits fixed records like a point (x, y). If a tuple holds a list, that "
             "inner list can still be modified.")
    assert score_question(plain, tuples).suggested >= GOOD


# -- the meaning signal ---------------------------------------------------------------------------
class FakeMeaning:
    """Stands in for the embedding model: fixed similarities, so the rule is what is tested.

    The whole answer is ``to_answer`` close to the model answer and ``to_pitfall`` to the
    pitfall; each clause of the answer is ``to_ideas`` close to every key idea's context.
    """

    def __init__(self, to_answer: float, to_pitfall: float, to_ideas: float) -> None:
        self.close = (to_answer, to_pitfall, to_ideas)

    def available(self) -> bool:
        return True

    def ready(self) -> bool:
        return True

    def load(self) -> bool:
        return True

    def similarities(self, texts, refs):
        to_answer, to_pitfall, to_ideas = self.close
        whole = [to_answer, to_pitfall] + [0.0] * (len(refs) - 2)
        return [whole] + [[0.0, 0.0] + [to_ideas] * (len(refs) - 2) for _ in texts[1:]]


@pytest.fixture()
def card():
    from coach.content.models import Question

    return Question(id="c", question="Why bound a queue?", answer="A bounded queue gives backpressure.",
                    keywords=kws("alpha", "beta", "gamma", "delta"), level="basic", tags=("t",),
                    topic="t", deck="t", pitfall="Queues never need limits.")


@pytest.fixture()
def meaning_on(monkeypatch):
    from coach.practice import scoring

    monkeypatch.setitem(scoring._settings, "semantic", True)

    def use(to_answer: float, to_pitfall: float, to_ideas: float = 0.0) -> None:
        monkeypatch.setattr(scoring, "MEANING", FakeMeaning(to_answer, to_pitfall, to_ideas))
    return use


def test_ideas_said_in_other_words_count_when_the_answer_reads_like_the_model(card, meaning_on):
    meaning_on(0.7, 0.4, to_ideas=0.1)  # close overall, but no clause says gamma or delta
    assert score_question("alpha and beta, and more besides", card).suggested == HARD
    meaning_on(0.7, 0.4, to_ideas=0.5)
    result = score_question("alpha and beta, and the rest in other words", card)
    assert result.suggested == GOOD and result.by_meaning and result.closeness == pytest.approx(0.7)
    assert result.mixed and result.preselect is None  # the words alone said Hard: let the user compare
    by_meaning = [i for i in result.ideas if i.via == "meaning"]
    assert [i.label for i in by_meaning] == ["gamma", "delta"]
    assert all(i.hit and i.said and i.span for i in by_meaning)


def test_the_meaning_signal_keeps_echoes_negations_and_the_pitfall_out(card, meaning_on):
    meaning_on(0.7, 0.65, to_ideas=0.5)  # about as close to the pitfall as to the model answer
    assert score_question("alpha and beta, and the rest in other words", card).suggested == HARD
    meaning_on(0.4, 0.1, to_ideas=0.5)  # the answer as a whole reads unlike the model answer
    assert score_question("alpha and beta, and the rest in other words", card).suggested == HARD
    meaning_on(0.9, 0.1, to_ideas=0.5)  # cancelled ideas weigh against it
    assert score_question("alpha; it is not gamma or delta", card).suggested < GOOD
    meaning_on(0.9, 0.1, to_ideas=0.5)  # a hedged sentence says nothing
    assert score_question("no idea what alpha, beta, gamma or delta mean", card).suggested == AGAIN


def test_a_clause_stating_one_complexity_never_says_another_in_meaning(meaning_on):
    from coach.content.models import Question

    costs = Question(id="cx", question="What do list operations cost?", answer="Append is O(1); a scan is O(n).",
                     keywords=kws(("O(1)", "constant time"), ("O(n)", "linear"), "amortised", "resize"),
                     level="basic", tags=("t",), topic="t", deck="t", pitfall="P.")
    meaning_on(0.9, 0.1, to_ideas=0.9)  # every clause reads like every idea
    wrong = score_question("appending is O(n). reading by index is O(n) as well. it grows now and then", costs)
    credited = {i.label: i.said for i in wrong.ideas if i.via == "meaning"}
    assert "O(n)" not in (credited.get("O(1)") or ""), credited
    plain = score_question("appending takes no longer as the list grows, amortised, with a resize now and then",
                           costs)
    assert any(i.via == "meaning" for i in plain.ideas), "without notation, meaning may still credit it"


def test_near_the_boundary_the_words_need_the_meaning_to_agree(meaning_on):
    from coach.content.models import Question

    five = Question(id="c5", question="Q?", answer="A.", keywords=kws("alpha", "beta", "gamma", "delta", "eps"),
                    level="basic", tags=("t",), topic="t", deck="t", pitfall="P.")
    meaning_on(0.6, 0.58)  # 3 of 5 ideas, but it reads like the pitfall
    result = score_question("alpha, beta and gamma", five)
    assert result.suggested == HARD and result.mixed
    meaning_on(0.65, 0.3)
    assert score_question("alpha, beta and gamma", five).suggested == GOOD
    meaning_on(0.6, 0.58)  # 4 of 5: the words alone are enough
    assert score_question("alpha, beta, gamma and delta", five).preselect == GOOD


def test_the_model_loads_from_the_installed_wheel_without_importing_it():
    """wordllama's __init__ configures the root logger and its loader may download: neither may run."""
    import subprocess
    import sys

    code = ("import logging, sys; from coach.practice.meaning import MEANING; "
            "assert MEANING.available(); assert MEANING.load(); "
            "a, p = MEANING.closeness('a tuple cannot be changed after creation', "
            "'A tuple is immutable; a list is mutable.', 'Bananas are yellow fruit.'); "
            "assert a > p, (a, p); assert 'wordllama' not in sys.modules; "
            "assert not logging.getLogger().handlers")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_without_the_model_scoring_is_keywords_only(monkeypatch, card):
    monkeypatch.setenv("COACH_SEMANTIC", "0")
    from coach.practice.meaning import Meaning

    meaning = Meaning()
    assert not meaning.available() and not meaning.load() and meaning.closeness("x", "y", "z") is None


def test_ideas_are_located_in_the_model_answer_too(cards):
    from coach.practice.scoring import in_model_answer

    card = cards["py-list-vs-tuple"]
    located = in_model_answer(card)
    assert all(i.hit for i in located.asked)
    mutable = next(i for i in located.ideas if i.label == "mutable")
    assert card.answer[slice(*mutable.span)].lower() == mutable.said.lower() == "mutable"
