"""pytest made ready in the grading worker before the job arrives.

Its lazy imports done by a tiny practice suite, its configuration and
session prepared for the sandbox, the expected suite's asserts rewritten and
its libraries imported, tracebacks focused on the run's own files: what is
left for the job is to collect and run. Used by :mod:`coach.grading.worker`.
"""

from __future__ import annotations

import ast
import importlib
import os
import sys
from typing import Any

import pytest

from coach.grading.plugin import Reporter


class Quiet:
    """Where pytest's own terminal report goes: nowhere."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def pytest_args(suite_dir: str, *, asyncio: bool = True, fixtures: bool = True) -> list[str]:
    """pytest's command line in the worker. pytest-asyncio (async def tests) costs a few
    ms a test, so a worker prepared for a suite with no coroutine in it goes without."""
    disabled = ("cacheprovider", "unraisableexception", "threadexception", "doctest", "junitxml",
                "pastebin", "legacypath", "stepwise", "setuponly", "setupplan", "faulthandler")
    args = ["-q", "--tb=short", "--color=no", "-s", "--noconftest", "-c", os.devnull,
            "--rootdir", suite_dir, "--confcutdir", suite_dir, "-o", "console_output_style=classic"]
    for name in disabled:
        args += ["-p", f"no:{name}"]
    if fixtures:
        args += ["-p", "coach.grading.fixtures"]
    if asyncio:
        args += ["-p", "pytest_asyncio.plugin", "-o", "asyncio_mode=auto",
                 "-o", "asyncio_default_fixture_loop_scope=function"]
    return [*args, suite_dir]


_WARM_SUITE = """\
import pytest

@pytest.fixture
def value():
    return [1, 2]

@pytest.mark.parametrize("n", [1, 2])
def test_warm(value, n):
    assert value == [1, 2] and n in value

def test_warm_fail():
    assert {"a": [1]} == {"a": [2]}
"""


def warm_up(scratch: str) -> None:
    """Run a tiny suite once, so the real run finds pytest's lazy imports done."""
    os.mkdir(scratch)
    with open(os.path.join(scratch, "test_coach_warm_up.py"), "w") as handle:
        handle.write(_WARM_SUITE)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = Quiet()
    try:
        pytest.main(pytest_args(scratch, asyncio=False, fixtures=False))
    finally:
        sys.stdout, sys.stderr = saved
        sys.modules.pop("test_coach_warm_up", None)
        for name in os.listdir(scratch):
            os.remove(os.path.join(scratch, name))
        os.rmdir(scratch)


class Prepared:
    """pytest configured and its session started before the job arrives.

    Equivalent to ``pytest.main`` split in two: everything that does not
    depend on the files runs ahead of time; a job only collects and runs.
    Falls back to pytest's own main loop if its internals ever change.
    """

    def __init__(self, suite_dir: str, reporter: Reporter, asyncio: bool = True) -> None:
        from _pytest.config import _prepareconfig

        self.config = _prepareconfig(pytest_args(suite_dir, asyncio=asyncio), plugins=[reporter])
        self.session = None
        try:
            from _pytest.main import Session

            self.config._do_configure()
            session = Session.from_config(self.config)
            session.exitstatus = 0
            self.config.hook.pytest_sessionstart(session=session)
            self.session = session
        except Exception:  # pragma: no cover - a pytest without these internals
            self.session = None

    def use_files(self, suite_dir: str, test_files: list[str]) -> None:
        """Collect exactly these files (Exercism names them; they need not match test_*.py)."""
        if test_files:
            self.config.args = [os.path.join(suite_dir, name) for name in test_files]

    def run(self) -> None:
        config, session = self.config, self.session
        if session is None:  # pragma: no cover
            config.hook.pytest_cmdline_main(config=config)
            return
        try:
            config.hook.pytest_collection(session=session)
            config.hook.pytest_runtestloop(session=session)
        except BaseException:  # interrupted or failed: the parent counts results
            pass
        finally:
            config.hook.pytest_sessionfinish(session=session, exitstatus=session.exitstatus)


def shield_ast_from_gc() -> None:
    """Work around CPython gh-106905 (fixed in 3.11.8 and 3.12.2).

    On older patch releases, a finalizer that parses Python while ``ast.parse``
    is building its result (asyncio logging "Task exception was never
    retrieved" formats a traceback, which parses source) corrupts the AST
    converter's depth counter, and pytest dies with "AST constructor recursion
    depth mismatch" halfway through a run. No garbage collection during a
    parse means no finalizer can run inside one.
    """
    version = sys.version_info[:3]
    if not ((3, 11) <= version < (3, 11, 8) or (3, 12) <= version < (3, 12, 2)):
        return
    import ast
    import gc

    original = ast.parse

    def parse(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return original(*args, **kwargs)
        gc.disable()
        try:
            return original(*args, **kwargs)
        finally:
            gc.enable()

    ast.parse = parse


def focus_tracebacks(suite_dir: str) -> None:
    """Show the test's and the solution's frames, not those of the libraries between.

    A failure raised through FastAPI, Starlette and anyio has dozens of library
    frames; pytest reads and parses each one's source to report it, which costs
    half a second a failure and buries the lines that matter. Keep the frames
    in the run's own folder, and the last frame, where the exception was raised.
    """
    from _pytest._code.code import Traceback
    from _pytest.python import Function
    from _pytest.unittest import TestCaseFunction

    prefix = os.path.realpath(suite_dir) + os.sep

    def wrap(original: Any) -> Any:
        def focused(self: Any, excinfo: Any) -> Any:
            traceback = original(self, excinfo)
            if len(traceback) <= 2:
                return traceback
            kept = [e for e in traceback[:-1] if os.path.realpath(str(e.path)).startswith(prefix)]
            return Traceback([*kept, traceback[-1]]) if kept else traceback

        return focused

    for cls in (Function, TestCaseFunction):
        if "_traceback_filter" in vars(cls):
            cls._traceback_filter = wrap(vars(cls)["_traceback_filter"])  # type: ignore[method-assign]


def _preimport(tree: ast.Module, solution_module: str) -> None:
    """Import the libraries the suite imports (FastAPI takes half a second), not the solution."""
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        else:
            continue
        for name in names:
            if name.split(".")[0] == solution_module:
                continue
            try:
                importlib.import_module(name)
            except Exception:  # the run will report it if it matters
                pass


def prime(config: Any, suite_dir: str, test_file: str, source_path: str, module: str) -> None:
    """Prepare the suite we expect next, before the job arrives.

    pytest rewrites a test module's asserts when it imports it (tens of ms for
    a long suite); when the job's copy of the suite has exactly these bytes,
    the work done here is used instead. The libraries it imports are loaded too.
    """
    from _pytest.assertion import rewrite

    try:
        with open(source_path, "rb") as handle:
            source = handle.read()
    except OSError:
        return
    target = os.path.join(suite_dir, test_file)
    tree = ast.parse(source, filename=target)
    _preimport(tree, module)
    rewrite.rewrite_asserts(tree, source, target, config)
    code = compile(tree, target, "exec", dont_inherit=True)
    original = rewrite._rewrite_test

    def primed(fn: Any, cfg: Any) -> Any:
        if str(fn) == target:
            stat = os.stat(fn)
            with open(fn, "rb") as handle:
                if handle.read() == source:
                    return stat, code
        return original(fn, cfg)

    rewrite._rewrite_test = primed  # type: ignore[assignment]
