"""Field-by-field checks for content mappings, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.content.models import Problem
from coach.content.yamlio import LocDict, LocList

Complaint = str | tuple[str, int] | None

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class Spec:
    """One field of a mapping: how to check it and whether it must be there."""

    # Returns None when the value is fine, else a complaint; a complaint about
    # one item of a list comes as (message, item index) to point at its line.
    check: Callable[[Any], Complaint]
    required: bool = True


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, found {_type_name(value)}"
    if not value.strip():
        return "must not be empty"
    return None


def ident(value: Any) -> str | None:
    complaint = text(value)
    if complaint:
        return complaint
    if not ID_RE.match(value):
        return f"'{value}' is not a valid id (lower-case letters, digits, '.', '_' and '-')"
    return None


def one_of(choices: tuple[str, ...]) -> Callable[[Any], Complaint]:
    def check(value: Any) -> str | None:
        if value not in choices:
            return f"expected one of {', '.join(choices)}, found {value!r}"
        return None

    return check


def text_list(*, min_items: int = 0) -> Callable[[Any], Complaint]:
    def check(value: Any) -> Complaint:
        if not isinstance(value, list):
            return f"expected a list of text, found {_type_name(value)}"
        if len(value) < min_items:
            return f"expected at least {min_items} item{'s' if min_items != 1 else ''}, found {len(value)}"
        for index, item in enumerate(value):
            if not isinstance(item, str):
                return f"item {index + 1} should be text, found {_type_name(item)}", index
            if not item.strip():
                return f"item {index + 1} is empty", index
        return None

    return check


def positive_number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"expected a number, found {_type_name(value)}"
    if value <= 0:
        return f"must be greater than 0, found {value}"
    return None


def positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"expected a whole number, found {_type_name(value)}"
    if value <= 0:
        return f"must be greater than 0, found {value}"
    return None


def check_mapping(
    data: Any,
    specs: dict[str, Spec],
    *,
    path: Path,
    where: str,
    problems: list[Problem],
    line: int = 0,
) -> bool:
    """Check ``data`` against ``specs``; returns True when no problem was found.

    ``where`` prefixes field names in messages (``"two-sum."`` or ``""``).
    """
    if not isinstance(data, LocDict):
        problems.append(Problem(path, line, where.rstrip("."), f"expected a mapping, found {_type_name(data)}"))
        return False
    ok = True
    for key in data:
        if key not in specs:
            known = ", ".join(specs)
            problems.append(Problem(path, data.line_of(key), f"{where}{key}", f"unknown field (known fields: {known})"))
            ok = False
    for name, spec in specs.items():
        if name not in data:
            if spec.required:
                problems.append(Problem(path, data.line, f"{where}{name}", "missing required field"))
                ok = False
            continue
        complaint = spec.check(data[name])
        if complaint:
            line_no = data.line_of(name)
            if isinstance(complaint, tuple):
                complaint, index = complaint
                line_no = item_line(data[name], index, line_no)
            problems.append(Problem(path, line_no, f"{where}{name}", complaint))
            ok = False
    return ok


def item_line(value: Any, index: int, fallback: int) -> int:
    """The line of a list item when the list came from YAML."""
    if isinstance(value, LocList):
        return value.line_of(index)
    return fallback
