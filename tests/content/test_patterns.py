"""Interview patterns: validated in kata.yaml, listed, filtered and passed to the kata list."""

from __future__ import annotations

import argparse
import json

import pytest

from coach.content.library import load_folder, load_library
from coach.content.patterns import PATTERNS, check_patterns
from coach.errors import CoachError
from tests.conftest import run_coach
from tests.content.test_validation import kata, line_of

YAML = "title: Adder\ndifficulty: easy\ntopics: [basics]\n{patterns}entry: add\nhints:\n  - Use +.\n  - Return a + b.\n"


def kata_with(tmp_path, patterns: str):
    return kata(tmp_path, **{"kata.yaml": YAML.format(patterns=patterns)})


def test_patterns_are_loaded_in_order(tmp_path):
    kata_with(tmp_path, "patterns: [two pointers, hash map]\n")
    lib = load_folder(tmp_path)
    assert lib.problems == []
    assert lib.katas[0].patterns == ("two pointers", "hash map")


def test_patterns_are_optional_for_your_own_katas(tmp_path):
    kata_with(tmp_path, "")
    lib = load_folder(tmp_path)
    assert lib.problems == [] and lib.katas[0].patterns == ()


def test_an_unknown_pattern_is_located_to_its_line(tmp_path):
    folder = kata_with(tmp_path, "patterns:\n  - stack\n  - hashmap\n")
    path = folder / "kata.yaml"
    [problem] = [str(p) for p in load_folder(tmp_path).problems]
    assert problem == f"{path}:{line_of(path, 'hashmap')}: patterns: unknown pattern 'hashmap'; did you mean 'hash map'?"


@pytest.mark.parametrize(("value", "complaint"), [
    ("patterns: hash map\n", "expected a list of patterns"),
    ("patterns: []\n", "expected at least 1 pattern"),
    ("patterns: [stack, stack]\n", "'stack' is listed twice"),
    ("patterns: [stack, 3]\n", "item 2 should be a pattern name"),
    ("patterns: [quantum annealing]\n", "unknown pattern 'quantum annealing' (known patterns: hash map, "),
])
def test_bad_patterns_are_reported(tmp_path, value, complaint):
    folder = kata_with(tmp_path, value)
    [problem] = [str(p) for p in load_folder(tmp_path).problems]
    assert problem.startswith(f"{folder / 'kata.yaml'}:4: patterns: {complaint}")


def test_the_vocabulary_is_lower_case_and_checks_itself():
    assert all(name == name.lower().strip() for name in PATTERNS)
    assert check_patterns(list(PATTERNS)) is None


# -- the bundled katas --------------------------------------------------------------

def test_every_bundled_kata_names_its_patterns():
    lib = load_library(user=False, questions=False)
    missing = [k.slug for k in lib.katas if not k.patterns]
    assert missing == []
    assert len({p for k in lib.katas for p in k.patterns}) >= 12


def test_every_bundled_kata_keeps_four_mutants():
    lib = load_library(user=False, questions=False)
    few = {k.slug: len(k.mutant_paths) for k in lib.katas if len(k.mutant_paths) < 4}
    assert few == {}


# -- the command line ----------------------------------------------------------------

def test_list_katas_by_pattern():
    result = run_coach("list", "katas", "--json", "--pattern", "Hash  Map")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "two_sum" in [item["id"] for item in data]
    assert all("hash map" in item["patterns"] for item in data)
    table = run_coach("list", "katas", "--pattern", "stack").stdout
    assert "valid_parentheses" in table and "two_sum" not in table
    assert "PATTERNS" in table


def test_every_listed_kata_has_its_patterns_in_json():
    data = json.loads(run_coach("list", "katas", "--json").stdout)
    by_id = {item["id"]: item for item in data}
    assert by_id["two_sum"]["patterns"] == ["hash map"]
    assert all(isinstance(item["patterns"], list) for item in data)


@pytest.mark.parametrize(("args", "message"), [
    (("list", "katas", "--pattern", "hashmap"), "coach: unknown pattern 'hashmap'; did you mean 'hash map'?"),
    (("list", "questions", "--pattern", "stack"), "coach: --pattern filters katas"),
    (("kata", "two_sum", "--pattern", "stack"), "coach: give a kata NAME or --pattern, not both"),
])
def test_bad_pattern_arguments_are_usage_errors(args, message):
    result = run_coach(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(message), result.stderr


def _kata_options(monkeypatch, pattern: str) -> dict:
    """What ``coach kata --pattern P`` hands the app factory (no terminal needed)."""
    import coach.tui.app as app_module
    from coach.commands import tui

    seen: dict = {}

    class FakeApp:
        return_code = 0
        unsaved: list[str] = []

        def run(self) -> None:
            pass

    def fake_make_app(**options):
        seen.update(options)
        return FakeApp()

    monkeypatch.setattr(tui, "_needs_terminal", lambda: None)
    monkeypatch.setattr(app_module, "make_app", fake_make_app)
    args = argparse.Namespace(command="kata", name=None, pattern=pattern)
    assert tui.run_tui(args) == 0
    return seen


def test_kata_pattern_opens_the_list_filtered(monkeypatch):
    options = _kata_options(monkeypatch, "Sliding Window")
    assert options["mode"] == "kata" and options["pattern"] == "sliding window"
    assert "kata" not in options


def test_a_pattern_no_kata_trains_cannot_open_the_list(tmp_path):
    from coach.commands.listing import pattern_filter

    kata_with(tmp_path, "patterns: [stack]\n")
    library = load_folder(tmp_path)
    assert pattern_filter("STACK", library, need_katas=True) == "stack"
    assert pattern_filter("trie", library) == "trie"  # a listing may simply come out empty
    with pytest.raises(CoachError, match="no kata trains 'trie' yet \\(patterns with katas: stack\\)"):
        pattern_filter("trie", library, need_katas=True)
