"""A progress file with one bad value is refused whole, naming the record and field; drafts travel from disk."""

from __future__ import annotations

import copy
import json
import os

import pytest

from coach.errors import CoachError
from coach.practice import transfer
from coach.practice.mock import db
from coach.practice.mock.models import PARTIAL
from coach.practice.mock.plan import WARMUP
from coach.practice.store import Store
from coach.practice.transfer import export, import_
from coach.practice.transfer_check import TABLES
from tests.conftest import run_coach
from tests.practice.test_mock import session
from tests.practice.test_transfer import fill, snapshot


def fill_with_mock(store: Store) -> None:
    fill(store)
    s, clock = session()
    db.start(store, s.plan, s.record.started_at)
    for answer in s.submit("a typed answer"):
        db.save_answer(store, s.record.started_at, answer)
    db.finish(store, s.record.started_at, status=PARTIAL, ended_at=clock(), ended_in=WARMUP, focus=[])


@pytest.fixture(scope="module")
def good_doc(tmp_path_factory) -> dict:
    with Store.open(tmp_path_factory.mktemp("source") / "coach.db") as source:
        fill_with_mock(source)
        return json.loads(json.dumps(export(source)))


def test_the_checks_cover_every_field_the_export_writes_in_its_order(good_doc):
    assert {k for k, v in good_doc.items() if isinstance(v, list)} == set(TABLES)
    t = transfer
    expected = {"cards": t._CARD_FIELDS, "reviews": t._REVIEW_FIELDS, "attempts": t._ATTEMPT_FIELDS,
                "drafts": t._DRAFT_FIELDS, "holds": t._HOLD_FIELDS, "kata_cards": t._KATA_CARD_FIELDS,
                "kata_sessions": t._SESSION_FIELDS, "mocks": db.MOCK_FIELDS, "mock_answers": db.ANSWER_FIELDS}
    assert {key: list(fields) for key, fields in TABLES.items()} == expected
    for key, rows in good_doc.items():
        if isinstance(rows, list):
            assert rows, f"the fixture should fill {key}"


BAD = [  # (table, field, value, what the message says is expected)
    ("cards", "due", "soon", "a time in Unix seconds"),
    ("cards", "due", float("inf"), "a time in Unix seconds"),
    ("cards", "introduced", -1, "a time in Unix seconds"),
    ("cards", "stability", -5, "a stability from 0.001"),
    ("cards", "stability", None, "a stability (a card in state 2, review, has one)"),
    ("cards", "difficulty", 11, "a difficulty from 1 to 10"),
    ("cards", "state", 7, "a state: 1 (learning)"),
    ("cards", "state", "2", "a state"),
    ("cards", "reps", -1, "a whole number, 0 or more"),
    ("cards", "lapses", 1.5, "a whole number"),
    ("cards", "card_id", "", "a non-empty string"),
    ("reviews", "rating", 9, "a rating: 1 (again)"),
    ("reviews", "rating", True, "a rating"),
    ("reviews", "reviewed_at", "2026-01-01", "a time in Unix seconds"),
    ("reviews", "score", 2, "a score from 0 to 1"),
    ("reviews", "cram", 5, "0 or 1"),
    ("attempts", "status", "ok", "one of 'pass', 'fail', 'error'"),
    ("attempts", "passed", 99, "at most total"),
    ("attempts", "duration_ms", "slow", "a number"),
    ("drafts", "text", 42, "a string"),
    ("drafts", "updated_at", [1], "a time in Unix seconds"),
    ("holds", "kind", "frozen", "one of 'suspended', 'buried'"),
    ("holds", "until", "later", "a time in Unix seconds"),
    ("kata_cards", "difficulty", "hard", "a difficulty"),
    ("kata_cards", "kept_at", -3, "a time"),
    ("kata_sessions", "rating", 0, "a rating"),
    ("kata_sessions", "hints", -1, "a whole number"),
    ("kata_sessions", "ended_at", 1.0, "a time no earlier than started_at"),
    ("mocks", "status", "done", "one of 'running', 'finished', 'partial'"),
    ("mocks", "minutes", 0, "minutes: a whole number from 1"),
    ("mocks", "plan", "{}", "a mock plan (as a JSON string)"),
    ("mocks", "focus", "not json", "a list of focus areas"),
    ("mock_answers", "kind", "essay", "one of 'question'"),
    ("mock_answers", "detail", "[]", "a JSON object"),
    ("mock_answers", "position", -1, "a whole number"),
]


@pytest.mark.parametrize(("table", "field", "value", "expected"), BAD, ids=[f"{t}.{f}={v!r}" for t, f, v, _ in BAD])
def test_a_bad_value_refuses_the_whole_file_and_changes_nothing(tmp_path, good_doc, table, field, value, expected):
    doc = copy.deepcopy(good_doc)
    index = 0 if table == "cards" else len(doc[table]) - 1  # cards[0] is in review
    doc[table][index][field] = value
    with Store.open(tmp_path / "coach.db") as target:
        fill(target)
        before = snapshot(target)
        with pytest.raises(CoachError) as caught:
            import_(target, doc)
        assert snapshot(target) == before
    message = caught.value.message
    assert message.startswith(f"coach import: {table}[{index}].{field}: expected {expected}"), message
    assert "\n" not in message and caught.value.code == 2


def test_a_missing_field_and_a_record_that_is_not_an_object_are_named(tmp_path, good_doc):
    doc = copy.deepcopy(good_doc)
    del doc["reviews"][1]["card_id"]
    with Store.open(tmp_path / "coach.db") as target, pytest.raises(CoachError) as caught:
        import_(target, doc)
    assert caught.value.message == ("coach import: reviews[1].card_id: expected a non-empty string, "
                                    "got nothing (the field is missing)")
    doc = copy.deepcopy(good_doc)
    doc["holds"][0] = "q1"
    with Store.open(tmp_path / "coach.db") as target, pytest.raises(CoachError) as caught:
        import_(target, doc)
    assert caught.value.message == "coach import: holds[0]: expected an object (a record), got 'q1'"


def test_the_good_file_still_round_trips_with_its_mock(tmp_path, good_doc):
    with Store.open(tmp_path / "coach.db") as target:
        changed = import_(target, good_doc)
        assert changed["mocks"] == 1 and changed["mock_answers"] == 1 and changed["cards"] == 4
        doc = snapshot(target)
    expected = {k: v for k, v in good_doc.items() if k != "exported_at"}
    assert doc == expected


def test_cli_refuses_a_bad_file_with_one_line_and_coach_still_starts(tmp_path, coach_home, good_doc):
    doc = copy.deepcopy(good_doc)
    doc["cards"][3]["due"] = "soon"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    result = run_coach("import", str(bad))
    assert result.returncode == 2
    assert result.stderr == "coach import: cards[3].due: expected a time in Unix seconds (a number), got 'soon'\n"
    assert not (coach_home / "coach.db").exists()  # refused before the store was opened
    with Store.open(coach_home / "coach.db") as store:
        fill(store)
        before = snapshot(store)
    doc["cards"][3]["due"] = good_doc["cards"][3]["due"]
    doc["reviews"][2]["rating"] = 9
    bad.write_text(json.dumps(doc))
    result = run_coach("import", str(bad))
    assert result.returncode == 2 and result.stderr.startswith("coach import: reviews[2].rating: expected a rating")
    with Store.open(coach_home / "coach.db") as store:
        assert snapshot(store) == before
    stats = run_coach("stats")
    assert stats.returncode == 0 and "Traceback" not in stats.stderr, stats.stderr


def test_export_takes_a_draft_edited_in_another_editor(tmp_path, coach_home):
    drafts = coach_home / "drafts"
    drafts.mkdir()
    with Store.open(coach_home / "coach.db") as store:
        store.save_draft("two_sum", "saved by coach\n", at=1_000.0)
        store.save_draft("anagram", "imported, newer than the file\n", at=3_000.0)
        (drafts / "two_sum.py").write_text("saved by coach\n# edited\n")
        os.utime(drafts / "two_sum.py", (2_000.0, 2_000.0))
        (drafts / "anagram.py").write_text("older file\n")
        os.utime(drafts / "anagram.py", (2_000.0, 2_000.0))
        (drafts / "leap.py").write_text("never copied into the store\n")
        (drafts / ".two_sum.py.123.abc.tmp").write_text("half written")
        exported = {d["kata"]: d for d in export(store)["drafts"]}
    assert exported["two_sum"] == {"kata": "two_sum", "text": "saved by coach\n# edited\n", "updated_at": 2_000.0}
    assert exported["anagram"]["text"] == "imported, newer than the file\n"
    assert exported["leap"]["text"] == "never copied into the store\n"
    assert sorted(exported) == ["anagram", "leap", "two_sum"]


def test_cli_export_carries_the_edit_to_the_other_machine(tmp_path, coach_home):
    with Store.open(coach_home / "coach.db") as store:
        store.save_draft("two_sum", "def two_sum(nums, target):\n    ...\n", at=1_000.0)
    (coach_home / "drafts").mkdir()
    file = coach_home / "drafts" / "two_sum.py"
    file.write_text("def two_sum(nums, target):\n    ...\n# edited\n")
    out = tmp_path / "p.json"
    assert run_coach("export", str(out)).returncode == 0
    assert json.loads(out.read_text())["drafts"][0]["text"].endswith("# edited\n")
    other = tmp_path / "other"
    assert run_coach("import", str(out), env={"COACH_HOME": str(other)}).returncode == 0
    with Store.open(other / "coach.db") as store:
        assert store.draft("two_sum") == file.read_text()


def test_an_imported_newer_draft_replaces_an_older_file_and_keeps_it_aside(tmp_path, coach_home):
    """The workbench opens the file: an import that brings a newer draft must reach it."""
    out = tmp_path / "p.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        laptop.save_draft("two_sum", "newer, from the laptop\n", at=5_000.0)
        laptop.save_draft("leap", "older than the file here\n", at=1_000.0)
        out.write_text(json.dumps(export(laptop, drafts_dir=tmp_path / "none")))
    drafts = coach_home / "drafts"
    drafts.mkdir()
    for kata, text in (("two_sum", "older, on this machine\n"), ("leap", "newer, on this machine\n")):
        (drafts / f"{kata}.py").write_text(text)
        os.utime(drafts / f"{kata}.py", (2_000.0, 2_000.0))
    assert run_coach("import", str(out)).returncode == 0
    assert (drafts / "two_sum.py").read_text() == "newer, from the laptop\n"
    assert (drafts / ".two_sum.py.before-import").read_text() == "older, on this machine\n"
    assert (drafts / "leap.py").read_text() == "newer, on this machine\n", "a newer file is left alone"
