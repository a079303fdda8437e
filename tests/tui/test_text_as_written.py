"""Text from content, users, test runs and paths is shown as written, never as markup.

A kata and a deck built from hostile strings go through every place the TUI
shows text: home, palette, rapid fire (question, answer, pitfall, follow-ups,
typed answer, key ideas, summary), the kata list, the workbench (title, README,
hints, test ids, failure detail, status line, dialogs, toasts) and stats.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from coach.content.katas import load_kata
from coach.content.library import Library
from coach.content.models import Deck, Keyword
from coach.grading.events import RunFinished, RunResult, RunStarted, TestFinished, TestResult
from coach.practice.store import Store
from tests.tui.helpers import NOON, card, wait_for
from tests.tui.screen import screen_text

HOSTILE = ["[/quit]", "[b]x[/b]", "[red]", "seen[n] = i", "[link=x]y[/link]", "[@click=app.quit]"]
SIZE = (120, 40)


def hostile_kata(root: Path):
    folder = root / "hostile_kata"
    folder.mkdir()
    (folder / "kata.yaml").write_text(
        'title: "Kata [b]x[/b] [red]"\ndifficulty: easy\ntopics: ["[link=x]y[/link]"]\nentry: hostile_kata\n'
        "minutes: 5\nhints:\n"
        + "".join(f"  - 'Hint text `{h}` and {h} in prose'\n" for h in HOSTILE))
    (folder / "README.md").write_text("# Hostile\n\n" + "\n\n".join(f"Plain {h} and `{h}`" for h in HOSTILE) + "\n")
    (folder / "starter.py").write_text("def echo(text):\n    raise NotImplementedError\n")
    (folder / "solution.py").write_text("# [b]x[/b] seen[n] = i\ndef echo(text):\n    return text\n")
    (folder / "test_hostile_kata.py").write_text(
        "import pytest\nfrom hostile_kata import echo\n\n"
        f"@pytest.mark.parametrize('text', {HOSTILE!r})\n"
        "def test_echo(text):\n    assert echo(text) == text\n")
    problems: list = []
    kata = load_kata(folder, problems)
    assert kata is not None and not problems, problems
    return kata


def hostile_library(root: Path) -> Library:
    joined = " ".join(HOSTILE)
    asked = " ".join(h for h in HOSTILE if h not in ("seen[n] = i", "[red]"))  # those two are the key ideas
    q = card("hostile-1", f"Question with {asked}?", f"Answer with {joined}\n\n`seen[n] = i`",
             [("seen[n] = i",), ("[b]x[/b]",)], topic="hostile")
    q = q.__class__(**{**q.__dict__, "pitfall": f"Pitfall {joined}", "follow_ups": (f"Follow {HOSTILE[0]}",),
                       "deck": "Deck [red] [/quit]", "keywords": (Keyword(("seen[n] = i",)), Keyword(("[red]",)))})
    deck = Deck("hostile", "Deck [red] [/quit]", Path("hostile.yaml"), (q,))
    return Library(decks=[deck], katas=[hostile_kata(root)])


def make_hostile(root: Path, mode: str = "home", **options):
    from coach.tui.app import make_app

    return make_app(library=hostile_library(root), mode=mode, clock=lambda: NOON, **options)


def assert_shown(app, *texts: str) -> None:
    shown = screen_text(app)
    for text in texts:
        assert text in shown, f"{text!r} is not on screen:\n{shown}"


async def test_rapid_fire_shows_cards_as_written(tmp_path):
    app = make_hostile(tmp_path, mode="rapid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_shown(app, "Question with [/quit] [b]x[/b] [link=x]y[/link] [@click=app.quit]?", "Deck [red] [/quit]")
        await pilot.press("enter", *"seen[n] = i and [red]", "ctrl+s")
        await pilot.pause()
        assert_shown(app, "Answer with [/quit] [b]x[/b] [red] seen[n] = i [link=x]y[/link] [@click=app.quit]",
                     "Pitfall [/quit]", "Follow [/quit]", "✓ seen[n] = i", "You wrote: seen[n] = i and [red]")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        assert_shown(app, "Session summary")


async def test_the_workbench_shows_kata_text_and_test_ids_as_written(tmp_path):
    app = make_hostile(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_kata(app.library.katas[0])
        await pilot.pause()
        screen = app.screen
        assert_shown(app, "Kata [b]x[/b] [red]", "Plain seen[n] = i and seen[n] = i", "Plain [/quit]")
        for _ in HOSTILE:
            await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.is_running
        hints = screen.query_one("#hints").source
        for h in HOSTILE:
            assert f"`{h}`" in hints
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: "passed" in str(screen.query_one("#results-summary").render()),
                       what="the run to finish")
        table = screen.query_one("#results-table", DataTable)
        names = [str(table.get_cell_at((row, 1))) for row in range(table.row_count)]
        assert names == [f"test_echo[{h}]" for h in HOSTILE]
        await pilot.press("f3")  # the results take the whole pane: every row visible
        await pilot.pause()
        assert_shown(app, *(f"test_echo[{h}]" for h in HOSTILE))
        await pilot.press("ctrl+l", "y")
        await pilot.pause()
        assert_shown(app, "Reference solution: Kata [b]x[/b] [red]", "# [b]x[/b] seen[n] = i")
        await pilot.press("escape")
        app.notify("Toast [b]x[/b] [/quit]")
        screen.notify("Screen toast [@click=app.quit]")
        await pilot.pause(0.5)
        assert_shown(app, "Toast [b]x[/b] [/quit]", "Screen toast [@click=app.quit]")
        assert app.is_running


async def test_failure_detail_and_worker_messages_are_text(tmp_path):
    app = make_hostile(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.open_kata(app.library.katas[0])
        await pilot.pause()
        screen = app.screen
        bad = TestResult("test_echo[[/quit]]", "fail", 3.0, message="assert '[red]' == '[/quit]'",
                         details="E   assert '[red]' == '[/quit]'\n[@click=app.quit] seen[n] = i")
        events = [RunStarted((bad.name,)), TestFinished(bad),
                  RunFinished(RunResult("error", message="[b]boom[/b] [/quit]", tests=(bad,), ms=5.0))]
        for event in events:
            screen.post_message(screen.Graded(screen.run_id, event))
        await pilot.pause(0.2)
        await pilot.press("f3")
        await pilot.pause()
        assert_shown(app, "test_echo[[/quit]]", "E   assert '[red]' == '[/quit]'", "[@click=app.quit] seen[n] = i",
                     "! [b]boom[/b] [/quit]")
        screen.results.failed_to_run("internal error: [red] [/quit]")
        await pilot.pause()
        assert_shown(app, "internal error: [red] [/quit]")


async def test_lists_stats_and_palette_show_names_as_written(tmp_path):
    app = make_hostile(tmp_path)
    with Store.open() as store:
        store.record_attempt("hostile_kata", "fail", 0, 6, 1000.0, at=NOON - 60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert_shown(app, "Kata [b]x[/b] [red]", "[link=x]y[/link]")
        await pilot.press("escape", "s")
        await pilot.pause()
        assert_shown(app, "Kata [b]x[/b] [red]", "Deck [red] [/quit]")
        await pilot.press("escape", "ctrl+p", *"Kata")
        await pilot.pause(0.5)
        assert_shown(app, "Open kata: Kata [b]x[/b] [red]")
        await pilot.press("escape")
        assert app.is_running


@pytest.mark.parametrize("text", HOSTILE)
async def test_dialogs_show_questions_as_written(tmp_path, text):
    from coach.tui.screens.dialogs import ConfirmScreen

    app = make_hostile(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ConfirmScreen(f"Delete {text}?", f"Detail {text}"))
        await pilot.pause()
        assert_shown(app, f"Delete {text}?", f"Detail {text}")
        await pilot.press("n")
        assert app.is_running
