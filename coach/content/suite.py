"""What a test file holds, read from its source (never from running it).

The grader trusts this list, not the child process, to know which results
must come back: a missing, extra or repeated result is an error, never a pass.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SuiteTest:
    name: str  # "test_x" or "TestClass::test_x", as in a pytest node id
    line: int
    count: int | None  # results expected (parametrized); None: one or more
    code: str  # the test's source, shown to the user
    body: str = ""  # the body alone, as Exercism's results show it (``test_code``)


@dataclass(frozen=True, slots=True)
class Suite:
    tests: tuple[SuiteTest, ...] = field(default_factory=tuple)

    def find(self, result_name: str) -> SuiteTest | None:
        """The test a reported name belongs to ("test_x[3]" -> test_x)."""
        base = result_name.split("[", 1)[0]
        for test in self.tests:
            if test.name == base:
                return test
        return None


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return ""


def _param_count(decorators: list[ast.expr]) -> int | None:
    """How many cases stacked ``parametrize`` marks make (None if unknowable)."""
    count = 1
    for deco in decorators:
        if not (isinstance(deco, ast.Call) and _dotted(deco).endswith("parametrize")):
            continue
        values = deco.args[1] if len(deco.args) > 1 else None
        for kw in deco.keywords:
            if kw.arg == "argvalues":
                values = kw.value
        if not isinstance(values, (ast.List, ast.Tuple)):
            return None
        if any(isinstance(e, ast.Starred) for e in values.elts):
            return None
        count *= len(values.elts)
    return count


def _param_fixtures(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and _dotted(deco).endswith("fixture"):
                    if any(kw.arg == "params" for kw in deco.keywords):
                        names.add(node.name)
    return names


def _uses_subtests(fn: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "subTest"
               for n in ast.walk(fn))


def _is_test_class(node: ast.ClassDef) -> bool:
    if any(_dotted(base).endswith("TestCase") for base in node.bases):
        return True
    has_init = any(isinstance(n, ast.FunctionDef) and n.name == "__init__" for n in node.body)
    return node.name.startswith("Test") and not has_init


def _is_unittest(node: ast.ClassDef) -> bool:
    return any(_dotted(base).endswith("TestCase") for base in node.bases)


def parse_suite(tree: ast.Module, source: str | None = None) -> Suite:
    """List the tests of a pytest or unittest module, in file order."""
    dynamic = any(
        isinstance(n, ast.FunctionDef) and n.name == "pytest_generate_tests" for n in tree.body
    )
    fixtures = _param_fixtures(tree)
    tests: list[SuiteTest] = []
    lines = source.splitlines(keepends=True) if source else []

    def body_of(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
        """Exercism's ``test_code``: from the line after ``def`` through the line after the
        first line of the last statement (going into the last statement of a loop, ``if``
        or ``with``), a trailing empty line dropped, dedented a space at a time."""
        last: ast.stmt = fn.body[-1]
        while isinstance(last, (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith)):
            last = last.body[-1]
        chunk = [ln.rstrip("\r\n") for ln in lines[fn.lineno: last.lineno + 1]]
        if chunk and not chunk[-1]:
            chunk.pop()
        while any(chunk) and all(ln.startswith(" ") for ln in chunk if ln):
            chunk = [ln[1:] if ln else ln for ln in chunk]
        return "\n".join(chunk)

    def code_of(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> str:
        first = min([fn.lineno, *(d.lineno for d in getattr(fn, "decorator_list", []))])
        return "".join(lines[first - 1: fn.end_lineno]) if lines else ""

    def add(fn: ast.FunctionDef | ast.AsyncFunctionDef, prefix: str, outer: int | None,
            unittest_style: bool) -> None:
        if unittest_style:
            # each subTest is reported on its own, so their number is unknown here
            count: int | None = None if _uses_subtests(fn) else 1
        else:
            inner = None if dynamic else _param_count(fn.decorator_list)
            count = inner * outer if inner is not None and outer is not None else None
        args = {a.arg for a in fn.args.args}
        if args & fixtures:
            count = None
        tests.append(SuiteTest(prefix + fn.name, fn.lineno, count, textwrap.dedent(code_of(fn)),
                               body_of(fn) if lines else ""))

    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            add(node, "", 1, False)
        elif isinstance(node, ast.ClassDef) and _is_test_class(node):
            unittest_style = _is_unittest(node)
            outer = 1 if unittest_style else _param_count(node.decorator_list)
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                    add(item, f"{node.name}::", outer, unittest_style)
    return Suite(tuple(tests))


def parse_suite_source(source: str, filename: str = "<suite>") -> Suite:
    return parse_suite(ast.parse(source, filename=filename), source)


def body_of_code(code: str) -> str:
    """A test function's body as Exercism shows it (see ``SuiteTest.body``), from its source."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return code
    funcs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not funcs:
        return code
    suite = parse_suite(tree, code)
    return next((t.body for t in suite.tests), code) if funcs[0].name.startswith("test") else code
