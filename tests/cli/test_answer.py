"""``coach answer CARD_ID [--deck PATH] [--json]``: score an answer read on standard input."""

from __future__ import annotations

import json

import pytest

from coach.cli import main
from tests.conftest import run_coach

TUPLES = ("Lists can be changed in place; tuples can't, so a tuple can be a dict key and suits a fixed "
          "record. A tuple holding a list can still change inside.")


def test_json_names_hits_misses_and_the_suggestion():
    result = run_coach("answer", "py-list-vs-tuple", "--json", input=TUPLES)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["card"] == "py-list-vs-tuple"
    assert data["suggested"] == 3 and data["rating"] == "Good" and data["mixed"] is False
    mutable = next(h for h in data["hits"] if h["idea"] == "mutable")
    assert mutable["said"] == "can be changed" and mutable["form"] == "can be changed"
    assert TUPLES[slice(*mutable["span"])] == "can be changed"
    assert data["misses"] == []


def test_a_hedge_is_again_and_lists_what_was_cancelled():
    result = run_coach("answer", "py-mutable-hashable", "--json",
                       input="no idea what mutable, hash, equal or key mean")
    data = json.loads(result.stdout)
    assert data["suggested"] == 1 and data["hits"] == []
    assert {m["cancelled_by"] for m in data["misses"] if "cancelled_by" in m} == {"hedged"}


def test_human_output_shows_what_matched_in_the_users_words():
    result = run_coach("answer", "py-list-vs-tuple", input=TUPLES, env={"PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0
    assert "✓ mutable ← can be changed" in result.stdout
    assert "Suggested: 3 Good" in result.stdout


def test_a_card_in_a_deck_file(tmp_path):
    deck = tmp_path / "mine.yaml"
    deck.write_text(
        "topic: mine\ntitle: Mine\nquestions:\n"
        "  - id: my-card\n    question: Why use a queue between producers and consumers?\n"
        "    answer: A bounded queue gives backpressure so fast producers wait for slow consumers and memory "
        "stays flat; it also decouples the two sides so each can scale on its own terms.\n"
        "    keywords: [[bounded, size limit], backpressure, decouple]\n    level: basic\n    tags: [queues]\n",
        encoding="utf-8")
    result = run_coach("answer", "my-card", "--deck", str(deck), "--json",
                       input="A size limit on the queue makes producers wait: backpressure.")
    data = json.loads(result.stdout)
    assert [h["idea"] for h in data["hits"]] == ["bounded", "backpressure"]
    assert [m["idea"] for m in data["misses"]] == ["decouple"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["answer", "py-list-vs-tupl"], "x", "coach: unknown card 'py-list-vs-tupl'; did you mean 'py-list-vs-tuple'?"),
        (["answer", "py-list-vs-tuple"], "  \n", "coach: no answer on standard input"),
        (["answer", "x", "--deck", "/nonexistent/deck.yaml"], "x", "coach: no such file or folder: /nonexistent/deck.yaml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, stdin, message):
    result = run_coach(*args, input=stdin)
    assert result.returncode == 2
    assert result.stderr.strip() == message and "Traceback" not in result.stderr


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["answer", "--help"])
    assert exit_info.value.code == 0
    assert "usage: coach answer" in capsys.readouterr().out


def test_an_idea_said_in_other_words_is_shown_as_close_in_meaning_not_as_matched():
    from coach.commands.answer import human, to_json
    from coach.content.library import load_library
    from coach.practice.scoring import HIT, MISS, Idea, Score

    card = next(q for q in load_library(user=False, katas=False).questions if q.id == "py-list-vs-tuple")
    answer = "You can grow a list in place. A tuple is frozen once built."
    clause = (30, 58)
    ideas = tuple(Idea(k, HIT, None, answer[slice(*clause)], clause, None, "meaning") if n == 0 else Idea(k, MISS)
                  for n, k in enumerate(card.keywords))
    result = Score(ideas, 3, mixed=True, closeness=0.7, by_meaning=True)
    shown = human(card, result)
    assert f'≈ {card.keywords[0].label} ← "A tuple is frozen once built" (close in meaning)' in shown
    assert "✓" not in shown
    assert to_json(card, result)["hits"][0]["via"] == "meaning"
