"""The TUI's code never builds markup by interpolation: values go through ``template``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import coach.tui

TAG = re.compile(r"\[[a-z/@#$]")
ROOT = Path(coach.tui.__file__).parent


def markup_fstrings(source: str) -> list[int]:
    """Lines of f-strings whose literal parts hold something that looks like a markup tag."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in node.values):
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if TAG.search(literal):
                found.append(node.lineno)
    return found


def test_no_f_string_mixes_markup_with_values():
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in sorted(ROOT.rglob("*.py"))
                 for line in markup_fstrings(path.read_text(encoding="utf-8"))]
    assert not offenders, "build these with coach.tui.text.template: " + ", ".join(offenders)


def test_the_check_catches_the_old_bug():
    assert markup_fstrings('x = f"[b]Hint {i}.[/] {hint}"') == [1]
    assert markup_fstrings('x = f"Hint {i}"') == []
