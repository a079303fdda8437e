"""A kata's ``growth`` block: how to build inputs of size n for the function under test.

When a time-budget test fails, coach times the solution and the reference at
growing sizes and reports how each grows (:mod:`coach.grading.growth`). The
block says what to call and how to build its arguments::

    growth:
      call: two_sum                          # an entry name, or helper.py:function
      args: list(range(1, n + 1)), 2 * n - 1  # a Python expression of n: the arguments
      n: 20000                               # the size the time-budget test uses

``call: file.py:function`` names a function in a file of the kata folder,
called with the solution module first and then the arguments (for classes:
build the object, run n operations). ``args`` may also be ``file.py:function``,
called with n and returning the arguments as a tuple. An expression sees ``n``,
the builtins and the modules ``math``, ``random``, ``string`` and ``itertools``.
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.content.models import Problem
from coach.content.yamlio import LocDict

EXPRESSION_MODULES = ("math", "random", "string", "itertools")
_HELPER_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*\.py):([A-Za-z_][A-Za-z0-9_]*)$")
_FIELDS = ("call", "args", "n", "max", "start")


@dataclass(frozen=True)
class GrowthSpec:
    call: str  # an entry name, or "file.py:function" (called with the solution module first)
    args: str  # a Python expression of n, or "file.py:function" (called with n)
    n: int  # the size the time-budget test uses
    max: int  # the largest size tried
    start: int = 8  # the smallest size tried

    @property
    def call_helper(self) -> tuple[str, str] | None:
        return helper_of(self.call)

    @property
    def args_helper(self) -> tuple[str, str] | None:
        return helper_of(self.args)

    @property
    def files(self) -> tuple[str, ...]:
        """Helper files of the kata folder the measurement needs in its sandbox."""
        return tuple(dict.fromkeys(h[0] for h in (self.call_helper, self.args_helper) if h))

    def to_job(self) -> dict[str, Any]:
        return {"call": self.call, "args": self.args, "n": self.n, "max": self.max, "start": self.start}


def helper_of(value: str) -> tuple[str, str] | None:
    match = _HELPER_RE.match(value.strip())
    return (match.group(1), match.group(2)) if match else None


def expression_names(source: str) -> set[str]:
    """The free names an ``args`` expression reads (those it binds itself left out)."""
    tree = ast.parse(f"({source},)", mode="eval")
    bound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    bound |= {a.arg for n in ast.walk(tree) if isinstance(n, ast.Lambda) for a in n.args.args}
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return used - bound


def _helper_problem(value: str, folder: Path) -> str | None:
    helper = helper_of(value)
    if helper is None:
        return None
    file = folder / helper[0]
    if not file.is_file():
        return f"no file {helper[0]} in the kata folder"
    try:
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    except (SyntaxError, OSError, UnicodeDecodeError, ValueError) as exc:
        return f"{helper[0]} cannot be read or parsed: {exc}"
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    if helper[1] not in defined:
        return f"{helper[0]} defines no function {helper[1]}"
    return None


def _args_problem(value: Any, folder: Path) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "expected a Python expression of n (or file.py:function)"
    if helper_of(value):
        return _helper_problem(value, folder)
    try:
        names = expression_names(value)
    except SyntaxError as exc:
        return f"not a Python expression: {exc.msg}"
    unknown = sorted(names - {"n", *EXPRESSION_MODULES} - set(dir(builtins)))
    if unknown:
        return (f"the expression uses {', '.join(unknown)}; it may use n, the builtins and "
                f"{', '.join(EXPRESSION_MODULES)}")
    if "n" not in names:
        return "the expression never uses n, so every size would be the same input"
    return None


def _call_problem(value: Any, entry: tuple[str, ...], folder: Path) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "expected an entry name or file.py:function"
    if helper_of(value):
        return _helper_problem(value, folder)
    if value not in entry:
        return f"'{value}' is not one of the kata's entry names ({', '.join(entry)}); name a function in a helper " \
               "file (file.py:function) to time anything else"
    return None


def _whole(value: Any, smallest: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return "expected a whole number"
    if value < smallest:
        return f"must be at least {smallest:,}"
    return None


def load_growth(data: Any, path: Path, line: int, entry: tuple[str, ...],
                problems: list[Problem]) -> GrowthSpec | None:
    """Check a ``growth`` block; every problem is located to its line."""
    if not isinstance(data, LocDict):
        problems.append(Problem(path, line, "growth", "expected a mapping with call, args and n"))
        return None
    found: list[Problem] = []
    for key in data:
        if key not in _FIELDS:
            found.append(Problem(path, data.line_of(key), f"growth.{key}",
                                 f"unknown field (known fields: {', '.join(_FIELDS)})"))
    for key in ("call", "args", "n"):
        if key not in data:
            found.append(Problem(path, line, f"growth.{key}", "missing required field"))
    n_value = data.get("n")
    smallest_max = n_value if isinstance(n_value, int) and not isinstance(n_value, bool) else 1
    checks = {
        "call": lambda v: _call_problem(v, entry, path.parent),
        "args": lambda v: _args_problem(v, path.parent),
        "n": lambda v: _whole(v, 16),
        "start": lambda v: _whole(v, 1),
        "max": lambda v: _whole(v, smallest_max),
    }
    for key, check in checks.items():
        if key in data and (complaint := check(data[key])):
            found.append(Problem(path, data.line_of(key), f"growth.{key}", complaint))
    problems += found
    if found:
        return None
    n = int(data["n"])
    return GrowthSpec(call=data["call"].strip(), args=data["args"].strip(), n=n,
                      max=int(data.get("max", n)), start=int(data.get("start", 8)))
