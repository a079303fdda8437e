"""Rapid fire as a user meets it: live keys only, scrolling, honest counts and endings."""

from __future__ import annotations

from textual.widgets import Static

from coach.tui.screens.rapid import RapidScreen
from coach.tui.screens.summary import SummaryScreen
from tests.tui.helpers import library, make
from tests.tui.screen import screen_text

SIZE = (100, 24)


def footer_keys(app) -> set[str]:
    """The keys the footer offers right now."""
    return {binding.key for (_, binding, enabled, _) in app.screen.active_bindings.values()
            if binding.show and enabled}


def body(app) -> str:
    return str(app.screen.query_one("#summary-body", Static).render())


async def test_the_footer_offers_only_the_keys_that_work_now():
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        asking = footer_keys(app)
        assert {"space", "enter"} <= asking and not {"1", "2", "3", "4"} & asking
        await pilot.press("enter")
        assert footer_keys(app) >= {"ctrl+s", "escape"} and "space" not in footer_keys(app)
        await pilot.press("escape", "space")
        revealed = footer_keys(app)
        assert {"s", "b", "pagedown"} <= revealed and not {"space", "u"} & revealed
        assert "1 Again · 1m" in str(app.screen.query_one("#prompt", Static).render()), "the rating bar"
        await pilot.press("3")
        assert "u" in footer_keys(app) and not {"s", "b"} & footer_keys(app)


async def test_a_long_answer_scrolls_from_the_keyboard_and_the_ratings_still_work():
    app = make(mode="rapid")
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("space")
        card = app.screen.query_one("#card")
        assert card.max_scroll_y > 0, "the answer is longer than the screen"
        await pilot.press("pagedown")
        assert card.scroll_y > 0
        await pilot.press("home")
        assert card.scroll_y == 0
        await pilot.press("end")
        assert card.scroll_y == card.max_scroll_y
        await pilot.press("k", "j", "3")
        assert app.saved() and app.store.review_count() == 1


async def test_the_header_counts_respect_count():
    app = make(mode="rapid", count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0 due, 2 new left" in str(app.screen.query_one("#meta", Static).render())
        await pilot.press("space", "3")
        assert "0 due, 1 new left" in str(app.screen.query_one("#meta", Static).render())


async def test_no_card_matches_names_the_filters():
    app = make(mode="rapid", topic="python", level="design")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "No card matches topic 'python', level 'design'" in body(app)
        assert "--cram" not in body(app)


async def test_nothing_due_suggests_cram_but_never_under_cram():
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:  # rate everything, then start again
        await pilot.pause()
        while isinstance(app.screen, RapidScreen):
            await pilot.press("space", "4")
    again = make(mode="rapid")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Nothing is due" in body(again) and "coach rapid --cram" in body(again)
    cram = make(mode="rapid", cram=True, topic="python", level="design")
    async with cram.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "--cram" not in body(cram)


async def test_ending_before_rating_says_nothing_was_recorded():
    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        assert "ended before any card was rated" in body(app)


async def test_a_topic_prefix_drills_every_matching_deck():
    lib = library()
    assert lib.match_topics("fast") == ["fastapi"]
    assert lib.match_topics("FastAPI") == ["fastapi"]
    assert lib.match_topics("py") == ["python"]
    assert lib.match_topics("nope") == []
    app = make(mode="rapid", topic="p", topics=tuple(lib.match_topics("p")), cram=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = []
        while isinstance(app.screen, RapidScreen):
            seen.append(app.screen.question.id)
            await pilot.press("space", "3")
        assert seen == ["py-gil", "py-is"]
        assert "Reviewed 2 cards" in screen_text(app)


async def test_ctrl_s_scores_every_key_typed_before_it_even_when_they_are_still_queued():
    """Keys sent fast (a paste without bracketed paste, a script) wait in the answer box's own
    queue; ctrl+s is a priority binding and is handled ahead of them."""
    from textual import events
    from textual.widgets import TextArea

    app = make(mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        box = app.screen.query_one("#typed", TextArea)
        answer = "the global interpreter lock lets one thread run bytecode"
        for char in answer:
            box.post_message(events.Key("space" if char == " " else char, char))
        app.screen.action_check()  # as the binding does, before the box has taken the keys
        await pilot.pause()
        assert box.text == answer
        assert app.screen.typed_score is not None and app.screen.typed_score.hits


def test_the_next_due_time_never_says_now_for_a_time_still_ahead():
    from coach.tui.screens.summary import when

    assert when(-5) == when(0) == "now"
    assert when(40) == "in a minute"  # a 1-minute learning step: ahead of the clock shown beside it
    assert when(10 * 60) == "in 10 min"
