"""`coach export --anki`: the package opened as Anki opens it (a zip holding collection.anki2)."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from coach.content.anki import markdown_html, note_guid, stable_id
from coach.content.library import load_library
from tests.conftest import run_coach


def export(target: Path, *args: str) -> str:
    result = run_coach("export", "--anki", str(target), *args, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def collection(package: Path, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(package) as archive:
        assert "collection.anki2" in archive.namelist()
        path = tmp_path / f"{package.stem}.anki2"
        path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def notes(db: sqlite3.Connection) -> dict[str, tuple[int, list[str], set[str]]]:
    """guid -> (note id, fields, tags)"""
    return {guid: (nid, flds.split("\x1f"), set(tags.split()))
            for nid, guid, flds, tags in db.execute("SELECT id, guid, flds, tags FROM notes")}


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_two_exports_hold_the_same_notes_one_per_card(tmp_path, library):
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert f"exported {len(library.questions)} cards" in export(first)
    export(second)
    one, two = collection(first, tmp_path), collection(second, tmp_path)
    notes_one, notes_two = notes(one), notes(two)
    assert len(notes_one) == len(library.questions)
    assert set(notes_one) == {note_guid(q) for q in library.questions}
    assert {g: n[0] for g, n in notes_one.items()} == {g: n[0] for g, n in notes_two.items()}
    assert one.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == len(library.questions)
    assert sorted(one.execute("SELECT id, nid FROM cards")) == sorted(two.execute("SELECT id, nid FROM cards"))
    models = [set(json.loads(db.execute("SELECT models FROM col").fetchone()[0])) for db in (one, two)]
    assert models[0] == models[1]


def test_fields_tags_and_decks(tmp_path, library):
    package = tmp_path / "coach.apkg"
    export(package)
    db = collection(package, tmp_path)
    by_guid = notes(db)
    titles = {d.topic: d.title for d in library.decks}

    rich = next(q for q in library.questions if "|---" in q.answer.replace(" ", "") and "```python" in q.answer
                and q.pitfall and q.follow_ups)
    nid, fields, tags = by_guid[note_guid(rich)]
    question, answer, pitfall, follow_ups = fields
    assert nid == stable_id("note", rich.id)
    assert "`" not in question and question.startswith(rich.question.split("`")[0].strip()[:10])
    assert "<table>" in answer and "<th>" in answer  # the Markdown table is kept
    assert '<pre class="highlight"><code><span class="k' in answer  # Pygments highlighted the code
    assert pitfall.startswith("<p>") and len(pitfall) > len("<p></p>")
    assert follow_ups.count("<li>") == len(rich.follow_ups)
    assert {f"coach::topic::{rich.topic}", f"coach::level::{rich.level}", *rich.tags} <= tags

    bare = next((q for q in library.questions if not q.pitfall), None)
    if bare is not None:
        assert by_guid[note_guid(bare)][1][2] == ""  # the template hides an empty pitfall

    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    names = {int(did): deck["name"] for did, deck in decks.items()}
    assert "coach" in names.values()
    assert {f"coach::{titles[q.topic]}" for q in library.questions} <= set(names.values())
    for guid, did in db.execute("SELECT n.guid, c.did FROM cards c JOIN notes n ON n.id = c.nid"):
        question = next(q for q in library.questions if note_guid(q) == guid)
        assert names[did] == f"coach::{titles[question.topic]}"

    model = next(iter(json.loads(db.execute("SELECT models FROM col").fetchone()[0]).values()))
    assert [f["name"] for f in model["flds"]] == ["Question", "Answer", "Pitfall", "Follow-ups"]
    assert ".highlight .k" in model["css"] and ".nightMode .highlight" in model["css"]


def test_topic_and_level_choose_the_cards(tmp_path, library):
    question = library.questions[0]
    package = tmp_path / "one.apkg"
    export(package, "--topic", question.topic, "--level", question.level)
    chosen = {note_guid(q) for q in library.questions if q.topic == question.topic and q.level == question.level}
    db = collection(package, tmp_path)
    assert set(notes(db)) == chosen
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert sum(d["name"].startswith("coach::") for d in decks.values()) == 1


def test_markdown_in_cards_is_text_not_html():
    html = markdown_html('<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("args, message", [
    (["--anki", "cards.txt"], "ends in .apkg"),
    (["--anki", "x.apkg", "--topic", "no-such-topic"], "unknown topic"),
    (["--anki", "missing-folder/x.apkg"], "no such folder"),
    (["progress.json", "--anki", "x.apkg"], "not both"),
    (["--topic", "python-basics"], "--topic and --level choose cards for --anki"),
])
def test_bad_input_is_one_line(tmp_path, args, message):
    result = run_coach("export", *args, cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert re.search(re.escape(message), result.stderr) and len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())  # nothing half-written
