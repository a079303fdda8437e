"""Loading katas (``katas/<slug>/``) with full validation.

A kata folder holds ``kata.yaml``, ``README.md``, ``starter.py``,
``solution.py`` and ``test_<slug>.py``. Folders in Exercism's practice-exercise
layout are handled by :mod:`coach.content.exercism`.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from typing import Any

from coach.content import fields as f
from coach.content.growth import load_growth
from coach.content.models import DIFFICULTIES, Kata, Limits, Problem
from coach.content.patterns import check_patterns
from coach.content.safety import bad_name, check_tree, name_problem
from coach.content.yamlio import YamlError, load_file

SLUG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
MODULE_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _module(value: Any) -> f.Complaint:
    if not isinstance(value, str) or not MODULE_RE.match(value):
        return f"expected a Python module name, found {value!r}"
    if value.startswith("test"):
        return "must not start with 'test' (pytest would collect it as a test file)"
    if value in sys.stdlib_module_names:
        return f"'{value}' would shadow the standard library module of that name"
    return None


def _entry(value: Any) -> f.Complaint:
    names = value if isinstance(value, list) else [value]
    if not names:
        return "expected at least one name"
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name.isidentifier():
            return f"expected a Python name (or a list of them), found {name!r}", index
    return None


LIMIT_FIELDS = {
    "time": f.Spec(f.positive_number, required=False),
    "cpu": f.Spec(f.positive_number, required=False),
    "memory": f.Spec(f.positive_int, required=False),
    "file_size": f.Spec(f.positive_int, required=False),
    "output": f.Spec(f.positive_int, required=False),
    "test": f.Spec(f.positive_number, required=False),
}

KATA_FIELDS = {
    "title": f.Spec(f.text),
    "difficulty": f.Spec(f.one_of(DIFFICULTIES)),
    "topics": f.Spec(f.text_list(min_items=1)),
    "patterns": f.Spec(check_patterns, required=False),
    "entry": f.Spec(_entry),
    "hints": f.Spec(f.text_list(min_items=1)),
    "module": f.Spec(_module, required=False),
    "minutes": f.Spec(f.positive_int, required=False),
    "limits": f.Spec(lambda v: None, required=False),  # checked field by field below
    "growth": f.Spec(lambda v: None, required=False),  # checked by coach.content.growth
}

REQUIRED_FILES = ("kata.yaml", "README.md", "starter.py", "solution.py")


def is_kata_dir(folder: Path) -> bool:
    return (folder / "kata.yaml").is_file()


def top_level_names(tree: ast.Module) -> set[str]:
    """Names a module defines at its top level (defs, classes, assignments, imports)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
    return names


def check_python(path: Path, problems: list[Problem]) -> ast.Module | None:
    """Parse a Python file; a syntax error becomes a located problem."""
    try:
        source = path.read_text(encoding="utf-8")
        return ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        problems.append(Problem(path, exc.lineno or 0, "", f"SyntaxError: {exc.msg}"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        problems.append(Problem(path, 0, "", f"cannot read: {exc}"))
    return None


def _imports_module(tree: ast.Module, module: str) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == module and node.level == 0:
            return True
        if isinstance(node, ast.Import) and any(a.name == module for a in node.names):
            return True
        if isinstance(node, ast.Constant) and node.value == module:
            return True  # importlib.import_module("module")
    return False


def _deep_checks(kata: Kata, yaml_path: Path, entry_line: int, problems: list[Problem]) -> None:
    """Parse the Python files: entry points defined, suite holds tests and imports the module."""
    for label, file in (("solution.py", kata.solution_path), ("starter.py", kata.starter_path)):
        if file is None or not file.is_file():
            continue
        tree = check_python(file, problems)
        if tree is None:
            continue
        missing = [name for name in kata.entry if name not in top_level_names(tree)]
        if missing:
            problems.append(Problem(
                yaml_path, entry_line, "entry",
                f"{label} does not define {', '.join(missing)}",
            ))
    for mutant in kata.mutant_paths:
        _check_mutant(kata, mutant, problems)
    if kata.test_path.is_file():
        from coach.content.suite import parse_suite

        tree = check_python(kata.test_path, problems)
        if tree is None:
            return
        if not parse_suite(tree).tests:
            problems.append(Problem(kata.test_path, 0, "", "the suite holds no test functions"))
        if not _imports_module(tree, kata.module):
            problems.append(Problem(
                kata.test_path, 0, "",
                f"the suite never imports the solution module '{kata.module}'",
            ))


def _check_mutant(kata: Kata, path: Path, problems: list[Problem]) -> None:
    """A mutant parses, says what is wrong with it on its first line, and defines the entry points.

    Otherwise it would fail the suite for a reason nobody meant, and prove nothing.
    """
    tree = check_python(path, problems)
    if tree is None:
        return
    first = path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0].strip()
    if not first.startswith("#") or not first.lstrip("#").strip():
        problems.append(Problem(path, 1, "", "a mutant starts with a one-line comment saying what is wrong "
                                "(# Wrong: ...)"))
    missing = [name for name in kata.entry if name not in top_level_names(tree)]
    if missing:
        problems.append(Problem(path, 1, "", f"does not define {', '.join(missing)}, so it would fail "
                                "for the wrong reason"))


def _limits(data: Any, path: Path, problems: list[Problem]) -> Limits:
    if data is None:
        return Limits()
    if not f.check_mapping(data, LIMIT_FIELDS, path=path, where="limits.", problems=problems):
        return Limits()
    return Limits(**{k: data[k] for k in LIMIT_FIELDS if k in data})


def load_kata(folder: Path, problems: list[Problem], *, origin: str = "bundled",
              deep: bool = False) -> Kata | None:
    """Load a kata folder; with ``deep`` also parse its Python files.

    A folder whose name is not UTF-8, or holding a symbolic link or such a
    name anywhere, is reported and not loaded (see :mod:`coach.content.safety`).
    """
    if bad_name(folder.name):
        problems.append(name_problem(folder))
        return None
    if (folder / ".meta" / "config.json").is_file() and not (folder / "kata.yaml").is_file():
        from coach.content.exercism import load_exercise

        return load_exercise(folder, problems, deep=deep)
    if not check_tree(folder, problems):
        return None
    slug = folder.name
    yaml_path = folder / "kata.yaml"
    if not SLUG_RE.match(slug):
        problems.append(Problem(folder, 0, "", f"kata folder name '{slug}' must be lower_snake_case"))

    test_file = f"test_{slug}.py"
    for name in (*REQUIRED_FILES, test_file):
        if not (folder / name).is_file():
            problems.append(Problem(folder / name, 0, "", "missing file (every kata needs "
                                    f"{', '.join(REQUIRED_FILES)} and {test_file})"))
    if not yaml_path.is_file():
        return None
    try:
        data, duplicates = load_file(yaml_path)
    except YamlError as exc:
        problems.append(Problem(yaml_path, exc.line, "", exc.message))
        return None
    for key, line in duplicates:
        problems.append(Problem(yaml_path, line, key, "field given twice in one mapping"))
    if not f.check_mapping(data, KATA_FIELDS, path=yaml_path, where="", problems=problems, line=1):
        return None
    if "module" not in data and SLUG_RE.match(slug) and (complaint := _module(slug)):
        problems.append(Problem(yaml_path, 1, "module",
                                f"the folder name is used as the module name, but {complaint}; set 'module'"))
    entry = data["entry"]
    entries = tuple(entry if isinstance(entry, list) else [entry])
    growth = (load_growth(data["growth"], yaml_path, data.line_of("growth"), entries, problems)
              if "growth" in data else None)
    kata = Kata(
        slug=slug,
        title=data["title"].strip(),
        difficulty=data["difficulty"],
        topics=tuple(data["topics"]),
        module=data.get("module") or slug,
        entry=entries,
        hints=tuple(h.strip() for h in data["hints"]),
        path=folder,
        test_file=test_file,
        minutes=data.get("minutes"),
        limits=_limits(data.get("limits"), yaml_path, problems),
        origin=origin,
        patterns=tuple(data.get("patterns") or ()),
        growth=growth,
    )
    if deep:
        _deep_checks(kata, yaml_path, data.line_of("entry"), problems)
    return kata


def kata_dirs(folder: Path) -> list[Path]:
    """Sub-folders of ``folder`` that hold a kata (either layout), by name.

    Names that are not valid UTF-8 are left out (:func:`coach.content.safety.bad_names` reports them).
    """
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if not bad_name(p.name) and p.is_dir() and not p.name.startswith((".", "_"))
        and ((p / "kata.yaml").is_file() or (p / ".meta" / "config.json").is_file()
             or any((p / n).is_file() for n in ("starter.py", "solution.py", "README.md")))
    )
