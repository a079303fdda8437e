"""After a typed answer is checked: your answer beside the model answer, the key ideas marked in both."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import Static

from coach.tui.widgets.answer_compare import CODE, LEFT_OUT, SAID, model_prose
from tests.tui.helpers import make
from tests.tui.screen import region_text


def marked(app, selector: str) -> dict[str, set[str]]:
    """The words of one side marked said (in both) or left out (model answer only)."""
    text = app.screen.query_one(selector, Static).content
    assert isinstance(text, Text)  # built with styles on spans, never markup
    found: dict[str, set[str]] = {}
    for span in text.spans:
        if str(span.style) in (SAID, LEFT_OUT):
            found.setdefault(str(span.style), set()).add(text.plain[span.start:span.end])
    return found


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_both_answers_show_with_the_ideas_marked_on_the_right_words(monkeypatch, size):
    monkeypatch.setenv("COACH_SEMANTIC", "0")  # keywords only: which words match is fixed
    app = make(mode="rapid")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        compare = app.screen.query_one("#compare")
        assert not compare.display  # nothing to compare before an answer is typed and checked
        await pilot.press("enter", *"only one thread runs bytecode", "ctrl+s")
        await pilot.pause()
        assert compare.display
        yours, model = app.screen.query_one("#compare-yours"), app.screen.query_one("#compare-model")
        assert "You wrote: only one thread runs bytecode" in region_text(app, "#compare-yours")
        assert "The global interpreter lock lets one thread run" in region_text(app, "#compare-model")
        if size[0] >= 100:
            assert yours.region.y == model.region.y and yours.region.right <= model.region.x  # side by side
        else:
            assert yours.region.bottom <= model.region.y and yours.region.x == model.region.x  # stacked
        assert marked(app, "#compare-yours") == {SAID: {"thread", "bytecode"}}
        assert marked(app, "#compare-model") == {SAID: {"thread", "bytecode", "green"},  # "green": the legend
                                                 LEFT_OUT: {"global interpreter lock", "processes", "yellow"}}
        await pilot.press("2")  # the next card: the comparison goes with the answer
        await pilot.pause()
        assert not compare.display


async def test_revealing_without_typing_shows_no_comparison():
    app = make(mode="rapid")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert not app.screen.query_one("#compare").display


def test_the_model_answer_is_compared_as_prose():
    source = ("The **global interpreter lock** (`GIL`).\n\n## Why\n\n```python\nx = 1\n```\n\nThreads __wait__.\n\n"
              "| work | use |\n|---|:---:|\n| I/O | threads |\n")
    assert model_prose(source) == (f"The global interpreter lock (GIL).\n\nWhy\n\n{CODE}\n\nThreads wait.\n\n"
                                   "work · use\nI/O · threads")


def test_code_spans_keep_their_text_and_empty_table_cells_are_left_out():
    source = "Bytecode goes to `__pycache__/*.pyc`; **bold** and __strong__; `__eq__`, `a**b`.\n\n| | Python | Java |\n"
    assert model_prose(source) == "Bytecode goes to __pycache__/*.pyc; bold and strong; __eq__, a**b.\n\nPython · Java"


def test_the_source_s_line_breaks_inside_a_paragraph_or_list_item_are_not_kept():
    # YAML answers are wrapped at ~80 columns: shown as written, every wrapped line would break again
    source = ("FastAPI sits on Starlette and\nPydantic.\n\n- Starlette does routing,\n  middleware and tests.\n"
              "- Pydantic validates.\n\n| a | b |\n|---|---|\n| 1 | 2 |\nAfter.")
    assert model_prose(source) == ("FastAPI sits on Starlette and Pydantic.\n\n- Starlette does routing, middleware and "
                                   "tests.\n- Pydantic validates.\n\na · b\n1 · 2\nAfter.")


def test_an_idea_said_in_other_words_is_underlined_where_it_was_said():
    from coach.practice.scoring import HIT, MISS, Idea, Score
    from coach.tui.widgets.answer_compare import IN_OTHER_WORDS, marked_model, marked_typed
    from tests.tui.helpers import library

    card = library().questions[0]  # py-gil: GIL, thread, bytecode, processes
    answer = "Only one runs Python at once; for CPU work use several OS processes"
    clause = (0, 28)
    ideas = (Idea(card.keywords[0], HIT, None, answer[slice(*clause)], clause, None, "meaning"),
             Idea(card.keywords[1], MISS), Idea(card.keywords[2], MISS),
             Idea(card.keywords[3], HIT, "processes", "processes", (58, 67), None, "words"))
    result = Score(ideas, 3, by_meaning=True)
    typed = marked_typed(answer, result)
    assert {(typed.plain[s.start:s.end], str(s.style)) for s in typed.spans} == {
        ("Only one runs Python at once", IN_OTHER_WORDS), ("processes", SAID)}
    model = marked_model(card, result)
    assert {model.plain[s.start:s.end] for s in model.spans if str(s.style) == SAID} == {
        "global interpreter lock", "processes"}


async def test_key_idea_chips_wrap_between_chips_never_inside_one():
    """On a narrow screen a chip's mark stays on the row of its label and what was said."""
    from textual.app import App

    from coach.practice.scoring import score
    from coach.tui.widgets.keywords import KeywordFeedback
    from tests.tui.helpers import library
    from tests.tui.screen import screen_text

    gil = next(q for q in library().questions if q.id == "py-gil")
    result = score("the global interpreter lock lets one thread run bytecode at a time", gil.keywords, gil.question)

    class Narrow(App):
        CSS = "KeywordFeedback { width: 40; }"

        def compose(self):
            yield KeywordFeedback(id="feedback")

    app = Narrow()
    async with app.run_test(size=(44, 16)) as pilot:
        app.query_one(KeywordFeedback).show("", result)
        await pilot.pause()
        rows = screen_text(app).splitlines()
        chips = [f"{mark} {idea.label}" for idea in result.asked for mark in "✓✗" if f"{mark} {idea.label}" in
                 " ".join(rows)]
        assert len(chips) == len(result.asked) >= 3, rows
        for chip in chips:
            assert any(chip in row for row in rows), f"{chip!r} broken across rows: {rows}"
