"""Every class of content problem is reported, located to file, line and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from coach.content.library import load_folder
from tests.conftest import run_coach

GOOD_CARD = """\
  - id: {id}
    question: What is a closure?
    answer: A function that remembers the variables of the scope it was defined in.
    keywords: [enclosing scope, [free variables, nonlocal]]
    level: basic
    tags: [functions]
"""


def deck(*cards: str, header: str = "topic: demo\ntitle: Demo\nquestions:\n") -> str:
    return header + "".join(cards)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def problems_for(path: Path) -> list[str]:
    return [str(p) for p in load_folder(path).problems]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_a_good_deck_has_no_problems(tmp_path):
    write(tmp_path / "demo.yaml", deck(GOOD_CARD.format(id="demo-one"), GOOD_CARD.format(id="demo-two")))
    lib = load_folder(tmp_path)
    assert lib.problems == []
    assert [q.id for q in lib.questions] == ["demo-one", "demo-two"]
    assert lib.questions[0].keywords[1].forms == ("free variables", "nonlocal")


def test_unknown_field(tmp_path):
    card = GOOD_CARD.format(id="demo-x") + "    answr: typo\n"
    path = write(tmp_path / "demo.yaml", deck(card))
    [problem] = problems_for(tmp_path)
    assert problem.startswith(f"{path}:{line_of(path, 'answr')}: demo-x.answr: unknown field")


def test_missing_field(tmp_path):
    card = GOOD_CARD.format(id="demo-x").replace("    level: basic\n", "")
    path = write(tmp_path / "demo.yaml", deck(card))
    [problem] = problems_for(tmp_path)
    assert problem == f"{path}:{line_of(path, 'id: demo-x')}: demo-x.level: missing required field"


@pytest.mark.parametrize(
    ("old", "new", "field", "complaint"),
    [
        ("level: basic", "level: expert", "level", "expected one of basic, intermediate, advanced, design"),
        ("tags: [functions]", "tags: functions", "tags", "expected a list of text"),
        ("keywords: [enclosing scope, [free variables, nonlocal]]", "keywords: []", "keywords",
         "expected at least 1 keyword"),
        ("question: What is a closure?", "question: 42", "question", "expected text, found a number"),
        ("id: demo-x", "id: Demo X", "id", "is not a valid id"),
    ],
)
def test_wrong_types(tmp_path, old, new, field, complaint):
    card = GOOD_CARD.format(id="demo-x").replace(old, new)
    path = write(tmp_path / "demo.yaml", deck(card))
    [problem] = problems_for(tmp_path)
    value_line = line_of(path, new.split(":")[0] + ":")
    assert f"{path}:{value_line}: " in problem
    assert f".{field}: " in problem and complaint in problem


def test_duplicate_ids_across_files(tmp_path):
    write(tmp_path / "a.yaml", deck(GOOD_CARD.format(id="demo-same")))
    second = write(tmp_path / "b.yaml", deck(GOOD_CARD.format(id="demo-other"), GOOD_CARD.format(id="demo-same")))
    [problem] = problems_for(tmp_path)
    first = tmp_path / "a.yaml"
    assert problem.startswith(f"{second}:{line_of(second, 'id: demo-same')}: demo-same.id: duplicate id 'demo-same'")
    assert f"first used at {first}:4" in problem


def test_duplicate_key_in_one_mapping(tmp_path):
    card = GOOD_CARD.format(id="demo-x") + "    level: advanced\n"
    path = write(tmp_path / "demo.yaml", deck(card))
    [problem] = problems_for(tmp_path)
    assert problem == f"{path}:{line_of(path, 'level: advanced')}: level: field given twice in one mapping"


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path / "demo.yaml", "topic: demo\ntitle: Demo\nquestions:\n  - id: [unclosed\n")
    [problem] = problems_for(tmp_path)
    assert problem.startswith(f"{path}:")
    assert "not valid YAML" in problem
    assert int(problem.split(":")[1]) >= 4


def test_every_problem_reported_at_once(tmp_path):
    bad_one = GOOD_CARD.format(id="demo-a").replace("    level: basic\n", "")
    bad_two = GOOD_CARD.format(id="demo-b").replace("tags: [functions]", "tags: 7")
    write(tmp_path / "demo.yaml", deck(bad_one, bad_two, GOOD_CARD.format(id="demo-c")))
    problems = problems_for(tmp_path)
    assert len(problems) == 2
    assert load_folder(tmp_path).questions[0].id == "demo-c"


def kata(root: Path, slug: str = "adder", **overrides: str) -> Path:
    folder = root / slug
    files = {
        "kata.yaml": "title: Adder\ndifficulty: easy\ntopics: [basics]\nentry: add\nhints:\n  - Use +.\n  - Return a + b.\n",
        "README.md": "# Adder\n",
        "starter.py": "def add(a, b):\n    raise NotImplementedError\n",
        "solution.py": "def add(a, b):\n    return a + b\n",
        f"test_{slug}.py": f"from {slug} import add\n\ndef test_add():\n    assert add(1, 2) == 3\n",
    }
    files.update(overrides)
    for name, text in files.items():
        if text is not None:
            write(folder / name, text)
    return folder


def test_a_good_kata_has_no_problems(tmp_path):
    kata(tmp_path)
    lib = load_folder(tmp_path)
    assert lib.problems == []
    assert lib.katas[0].entry == ("add",)


def test_kata_missing_a_file(tmp_path):
    folder = kata(tmp_path, **{"starter.py": None})
    problems = problems_for(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{folder / 'starter.py'}: missing file")


def test_entry_point_not_defined_by_the_solution(tmp_path):
    folder = kata(tmp_path, **{"solution.py": "def plus(a, b):\n    return a + b\n"})
    [problem] = problems_for(tmp_path)
    assert problem == f"{folder / 'kata.yaml'}:4: entry: solution.py does not define add"


@pytest.mark.parametrize(("hints", "line"), [("hints: []\n", 5), ("hints:\n  - ''\n", 6)])
def test_empty_hints(tmp_path, hints, line):
    yaml_text = "title: Adder\ndifficulty: easy\ntopics: [basics]\nentry: add\n" + hints
    folder = kata(tmp_path, **{"kata.yaml": yaml_text})
    [problem] = problems_for(tmp_path)
    assert problem.startswith(f"{folder / 'kata.yaml'}:{line}: hints: ")
    assert "hints:" in problem


def test_kata_unknown_field_and_bad_difficulty(tmp_path):
    yaml_text = ("title: Adder\ndifficulty: trivial\ntopics: [basics]\nentry: add\n"
                 "hints: [a, b]\ncolour: blue\n")
    folder = kata(tmp_path, **{"kata.yaml": yaml_text})
    problems = problems_for(tmp_path)
    assert f"{folder / 'kata.yaml'}:2: difficulty: expected one of easy, medium, hard, found 'trivial'" in problems
    assert any(p.startswith(f"{folder / 'kata.yaml'}:6: colour: unknown field") for p in problems)


def test_suite_without_tests_or_import(tmp_path):
    folder = kata(tmp_path, **{"test_adder.py": "def helper():\n    pass\n"})
    problems = problems_for(tmp_path)
    assert f"{folder / 'test_adder.py'}: the suite holds no test functions" in problems
    assert f"{folder / 'test_adder.py'}: the suite never imports the solution module 'adder'" in problems


def test_module_may_not_shadow_the_standard_library(tmp_path):
    kata(tmp_path, slug="queue", **{"test_queue.py": "from queue import add\n\ndef test_add():\n    pass\n"})
    problems = problems_for(tmp_path)
    assert any("would shadow the standard library module" in p for p in problems)


def test_validate_command_prints_every_problem_and_exits_1(tmp_path):
    write(tmp_path / "a.yaml", deck(GOOD_CARD.format(id="demo-same")))
    missing = GOOD_CARD.format(id="demo-b").replace("    answer: A function that remembers the variables "
                                                    "of the scope it was defined in.\n", "")
    second = write(tmp_path / "b.yaml", deck(missing, GOOD_CARD.format(id="demo-same")))
    result = run_coach("validate", str(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{second}:{line_of(second, 'id: demo-b')}: demo-b.answer: missing required field" in result.stdout
    assert f"{second}:{line_of(second, 'id: demo-same')}: demo-same.id: duplicate id 'demo-same'" in result.stdout
    assert "2 problems found" in result.stdout


def test_user_content_loads_beside_bundled(coach_home):
    kata(coach_home / "katas", slug="adder")
    write(coach_home / "questions" / "mine.yaml", deck(GOOD_CARD.format(id="mine-closure")))
    from coach.content.library import load_library

    lib = load_library()
    assert "adder" in [k.slug for k in lib.katas]
    assert "two_sum" in [k.slug for k in lib.katas]
    assert "mine-closure" in [q.id for q in lib.questions]
    assert next(k for k in lib.katas if k.slug == "adder").origin == "user"


def test_a_topic_prefix_matches_every_deck_that_shares_it():
    from coach.content.library import load_library

    library = load_library(user=False)
    fastapi = library.match_topics("fastapi")
    by_id = {t for t in library.topics() if t.startswith("fastapi-")}
    by_title = {d.topic for d in library.decks if d.title.lower().startswith("fastapi")}
    assert len(by_id) >= 5 and set(fastapi) == by_id | by_title
    assert library.match_topics("FastAPI basics") == ["fastapi-basics"]
    assert library.match_topics("python-basics") == ["python-basics"]
