"""The parse cache never serves stale content."""

from __future__ import annotations

import os
import time

from coach.content.library import load_library
from tests.content.test_validation import GOOD_CARD, deck, kata, write


def touch_later(path):
    """Edits within one clock tick keep the same mtime; make sure the change shows."""
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))


def test_edits_added_and_removed_files_are_seen(coach_home):
    decks = coach_home / "questions"
    write(decks / "mine.yaml", deck(GOOD_CARD.format(id="mine-one")))
    kata(coach_home / "katas", slug="adder")
    first = load_library()
    assert "mine-one" in [q.id for q in first.questions]
    assert "adder" in [k.slug for k in first.katas]
    assert (coach_home / "cache" / "decks.pickle").is_file()
    assert (coach_home / "cache" / "katas.pickle").is_file()

    write(decks / "mine.yaml", deck(GOOD_CARD.format(id="mine-one"), GOOD_CARD.format(id="mine-two")))
    touch_later(decks / "mine.yaml")
    yaml_path = coach_home / "katas" / "adder" / "kata.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("title: Adder", "title: Adding numbers"))
    touch_later(yaml_path)
    kata(coach_home / "katas", slug="subtractor")
    touch_later(coach_home / "katas")

    second = load_library()
    assert "mine-two" in [q.id for q in second.questions]
    titles = {k.slug: k.title for k in second.katas}
    assert titles["adder"] == "Adding numbers"
    assert "subtractor" in titles

    (decks / "mine.yaml").unlink()
    assert "mine-one" not in [q.id for q in load_library().questions]


def test_a_damaged_cache_is_ignored(coach_home):
    load_library()
    (coach_home / "cache" / "decks.pickle").write_bytes(b"not a pickle")
    (coach_home / "cache" / "katas.pickle").write_bytes(b"")
    lib = load_library()
    assert len(lib.questions) >= 200 and len(lib.katas) >= 24
