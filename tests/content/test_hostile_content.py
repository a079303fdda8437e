"""Content files are data, never a way out: alias bombs, odd names, links and paths leading outside."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from coach.content.library import load_folder, load_library
from coach.content.yamlio import MAX_BYTES, YamlError, load_text
from tests.conftest import ROOT, run_coach

ALIAS_BOMB = """\
topic: bomb
title: Bomb
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
questions: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def exercise(root: Path, name: str, *, extra: dict[str, str] | None = None) -> Path:
    """A small, valid Exercism-layout exercise whose example passes its test."""
    folder = root / name
    module = name.replace("-", "_")
    (folder / ".meta").mkdir(parents=True)
    (folder / ".docs").mkdir()
    (folder / ".meta" / "config.json").write_text(json.dumps({"files": {
        "solution": [f"{module}.py"], "test": [f"{module}_test.py"], "example": [".meta/example.py"]}}))
    (folder / ".docs" / "instructions.md").write_text(f"# {name}\n\nReturn 42.\n")
    (folder / f"{module}.py").write_text("def answer():\n    pass\n")
    (folder / ".meta" / "example.py").write_text("def answer():\n    return 42\n")
    (folder / f"{module}_test.py").write_text(
        f"from {module} import answer\n\n\ndef test_answer():\n    assert answer() == 42\n")
    for file, text in (extra or {}).items():
        (folder / file).write_text(text)
    return folder


def bundled_kata_copy(root: Path, slug: str = "two_sum") -> Path:
    target = root / slug
    shutil.copytree(ROOT / "katas" / slug, target)
    return target


def test_an_alias_bomb_is_one_problem_naming_the_file_and_line(tmp_path):
    deck = tmp_path / "bomb.yaml"
    deck.write_text(ALIAS_BOMB)
    [problem] = load_folder(deck).problems
    assert problem.path == deck and problem.line == 3
    assert "alias" in problem.message
    result = run_coach("validate", str(deck), "--no-grade")
    assert result.returncode == 1
    assert f"{deck}:3: aliases expand this file" in result.stdout


def test_an_alias_bomb_in_the_users_decks_does_not_stop_coach(coach_home):
    (coach_home / "questions").mkdir()
    (coach_home / "questions" / "bomb.yaml").write_text(ALIAS_BOMB)
    lib = load_library(katas=False)
    assert lib.questions, "the bundled decks still load"
    assert any("bomb.yaml" in str(p.path) and "alias" in p.message for p in lib.problems)


def test_modest_aliases_still_work():
    data, _ = load_text("shared: &kw [closure, scope]\nx: *kw\ny: *kw\n")
    assert data["y"] == ["closure", "scope"]


def test_deep_nesting_and_huge_files_are_refused(tmp_path):
    with pytest.raises(YamlError, match="nested more than"):
        load_text("x: " + "[" * 200 + "]" * 200)
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    [problem] = load_folder(big).problems
    assert "MiB" in problem.message


def test_names_that_are_not_utf8_are_reported_and_skipped(tmp_path, coach_home):
    katas = coach_home / "katas"
    katas.mkdir()
    bundled_kata_copy(katas, "batched")
    odd = os.fsdecode(os.fsencode(katas) + b"/two_\xff_sum")
    shutil.copytree(ROOT / "katas" / "two_sum", odd)
    (coach_home / "questions").mkdir()
    (Path(os.fsdecode(os.fsencode(coach_home / "questions") + b"/d\xe9ck.yaml"))).write_text("topic: x\n")
    lib = load_library()
    assert all(k.slug.isascii() for k in lib.katas)
    messages = [str(p) for p in lib.problems]
    assert sum("not valid UTF-8" in m for m in messages) == 2
    result = run_coach("validate", str(katas), "--no-grade")
    assert "two_\\xff_sum: the name is not valid UTF-8" in result.stdout
    assert "Traceback" not in result.stderr
    assert run_coach("list", "katas").returncode == 0


def test_a_symlink_inside_a_kata_is_refused_and_never_followed(tmp_path):
    kata = bundled_kata_copy(tmp_path)
    (kata / "loop").symlink_to(kata / "loop")
    (kata / "passwd.txt").symlink_to("/etc/passwd")
    lib = load_folder(kata)
    assert lib.katas == []
    found = sorted(p.path.name for p in lib.problems if "symbolic link" in p.message)
    assert found == ["loop", "passwd.txt"]
    result = run_coach("check", str(kata), str(kata / "solution.py"))
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["../../outside_test.py", "/etc/hostname", "sub/../../x_test.py"])
def test_an_exercism_path_leading_outside_is_reported(tmp_path, name):
    folder = exercise(tmp_path / "ex", "leap")
    config = json.loads((folder / ".meta" / "config.json").read_text())
    config["files"]["test"] = [name]
    (folder / ".meta" / "config.json").write_text(json.dumps(config))
    lib = load_folder(folder)
    assert lib.katas == []
    [problem] = lib.problems
    assert problem.field == "files.test" and "leads outside the exercise folder" in problem.message
    result = run_coach("validate", str(folder), "--no-grade")
    assert result.returncode == 1 and "leads outside the exercise folder" in result.stdout
    assert "content ok" not in result.stdout


def test_a_link_out_of_an_exercise_is_reported_by_validate(tmp_path):
    folder = exercise(tmp_path / "ex", "leap")
    (folder / "notes.txt").symlink_to(tmp_path)
    result = run_coach("validate", str(folder), "--no-grade")
    assert result.returncode == 1 and "symbolic link" in result.stdout
