"""``coach mock --history`` and ``--export``: past mocks without the TUI; bad input is one line."""

from __future__ import annotations

import json
import time

import pytest

from coach.cli import main
from coach.practice.mock import build, db
from coach.practice.mock.models import PARTIAL
from coach.practice.store import Store
from tests.practice.test_mock import session
from tests.tui.test_mock import LIBRARY


def saved_mock(coach_home, *, finished: bool = True, age: float = 0.0) -> float:
    """A mock in the progress file: one answer, then ended early (or left running, started ``age`` s ago)."""
    s, clock = session()
    clock.now = time.time() - age
    s.record.started_at = clock.now
    with Store.open(coach_home / "coach.db") as store:
        db.start(store, s.plan, clock.now)
        for a in s.submit("alpha0 beta0 | a pipe"):
            db.save_answer(store, clock.now, a)
        if finished:
            for a in s.end_early():
                db.save_answer(store, clock.now, a)
            db.finish(store, clock.now, status=PARTIAL, ended_at=clock.now + 75, ended_in="warm-up",
                      focus=list(build(s.record, LIBRARY).weakest))
    return clock.now


def test_history_json_lists_each_mock(coach_home, capsys):
    assert main(["mock", "--history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    saved_mock(coach_home)
    assert main(["mock", "--history", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == 1 and row["status"] == "partial" and row["track"] == "mixed" and row["minutes"] == 15
    assert row["duration_s"] == 75 and row["scores"]["concepts"] is None and row["scores"]["warm-up"] is not None
    assert main(["mock", "--history"]) == 0
    out = capsys.readouterr().out
    assert "partial" in out and "1:15" in out


def test_export_writes_markdown_of_the_latest_or_chosen_mock(coach_home, tmp_path, capsys):
    assert main(["mock", "--export", str(tmp_path / "none.md")]) == 1
    assert "no mock interview yet" in capsys.readouterr().err
    saved_mock(coach_home)
    target = tmp_path / "card.md"
    assert main(["mock", "--export", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Mock interview") and "alpha0 beta0 | a pipe" in text and "**Model answer:**" in text
    # 5 warm-up cards: 1 answered, 1 on screen, 3 never asked; 2 concept cards and their follow-ups never asked
    assert text.count("*Not asked: the mock ended first.*") == 3 + 4
    assert main(["mock", "--export", "-", "--id", "1"]) == 0
    assert capsys.readouterr().out.endswith(text)
    assert main(["mock", "--export", str(target), "--id", "9"]) == 2  # bad input: status 2, one line
    err = capsys.readouterr().err
    assert "no mock 9" in err and len(err.strip().splitlines()) == 1


def answered_to_the_coding_round(store: Store):
    """A mock started in ``store`` with every warm-up and concepts question answered."""
    s, clock = session()
    db.start(store, s.plan, clock.now)
    for _ in range(5 + 4):
        for a in s.submit("something"):
            db.save_answer(store, clock.now, a)
    return s, clock


def test_the_export_counts_hints_in_plain_words(coach_home, tmp_path, capsys):
    with Store.open(coach_home / "coach.db") as store:
        s, clock = answered_to_the_coding_round(store)
        s.kata_hint()
        for a in [*s.kata_ran("pass", 11, 11, "def two_sum(nums, target): ..."), *s.end_early()]:
            db.save_answer(store, clock.now, a)
        db.finish(store, clock.now, status=PARTIAL, ended_at=clock.now + 60, ended_in="coding", focus=[])
    assert main(["mock", "--export", "-"]) == 0
    out = capsys.readouterr().out
    assert "11/11 tests passed (pass), 1 hint, " in out and "1 hints" not in out


def test_the_export_says_when_the_code_was_never_run(coach_home, capsys):
    with Store.open(coach_home / "coach.db") as store:
        s, clock = answered_to_the_coding_round(store)
        s.code = "def two_sum(nums, target): ..."
        for a in s.next_round():
            db.save_answer(store, clock.now, a)
    assert main(["mock", "--export", "-"]) == 0
    out = capsys.readouterr().out
    assert "Tests never run, 0 hints, " in out and "0/0 tests passed" not in out


def test_a_mock_abandoned_by_a_crash_is_kept_as_partial(coach_home, capsys):
    saved_mock(coach_home, finished=False, age=3 * 3600)
    assert main(["mock", "--history", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "partial" and row["ended_in"] == "warm-up" and row["scores"]["warm-up"] is not None


@pytest.mark.parametrize("args, message", [
    (["--json"], "--json goes with --history"),
    (["--id", "2"], "--id N chooses the mock --export FILE writes"),
    (["--history", "--export", "x.md"], "not both"),
    (["--minutes", "0"], "--minutes: a mock lasts 15 to 180 minutes, not 0"),  # the real range, the first time
    (["--minutes", "5"], "--minutes: a mock lasts 15 to 180 minutes, not 5"),
    (["--minutes", "181"], "--minutes: a mock lasts 15 to 180 minutes, not 181"),
    (["--minutes", "half"], "expected a whole number of minutes, got 'half'"),
    (["--export", "f.md", "--id", "99"], "no mock 99 (see 'coach mock --history')"),
    (["--track", "rust"], "invalid choice"),
])
def test_bad_input_is_one_line_and_status_2(args, message, capsys):
    assert main(["mock", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_the_tui_needs_a_terminal(capsys):
    assert main(["mock", "--minutes", "15"]) == 2
    assert "needs a terminal" in capsys.readouterr().err
