"""Noticing a solution that changes the test framework in its own process.

A snapshot records the identity of every attribute of pytest's, pluggy's,
unittest's and coach's grading modules (and of the framework classes tests
pass through), of the builtins, of the registered pytest plugins, of the hook
implementations, of the reporter's own wiring, and the code of every
function in those namespaces (a function changed in place keeps its
identity). The worker compares the whole of it after importing the solution
and after the last test, and after each test the part a test's outcome passes
through (:data:`EACH_TEST`, without the code). Any difference is graded as an
error that names it. Best effort, like the guard: other in-place changes
(a function's defaults, a C object's state) are not seen.

Comparing is one C-level pass over the values (``map(operator.is_, ...)`` over
live views of the namespaces, never ``id()``, which is an audited call the
guard's hook sees each time); the snapshot holds the original objects, so an
object in the same place is the same object. Only when one differs does the
slow path work out what changed (a module that merely grew an attribute, a
lazy import, is not a change).
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable, Iterable
from itertools import chain
from operator import attrgetter, is_, itemgetter, methodcaller
from types import FunctionType
from typing import Any

# Bound at import, before any solution runs: a solution that replaces builtins.all or
# builtins.map must not be able to make a comparison agree.
_ALL, _LEN, _MAP, _TUPLE = all, len, map, tuple

WATCHED = (
    "pytest", "_pytest.runner", "_pytest.python", "_pytest.unittest", "_pytest.outcomes",
    "_pytest.reports", "_pytest.main", "_pytest.skipping", "_pytest.fixtures", "_pytest.nodes",
    "_pytest.assertion", "_pytest.assertion.rewrite", "_pytest.assertion.util", "_pytest.subtests",
    "_pytest.python_api", "_pytest.raises", "_pytest.config", "_pytest.hookspec",
    "pluggy", "pluggy._hooks", "pluggy._callers", "pluggy._manager", "pluggy._result",
    "unittest", "unittest.case", "unittest.result",
    "coach.grading.plugin", "coach.grading.fixtures", "coach.grading.protocol", "coach.grading.integrity",
    "coach.grading.worker", "coach.grading.capture", "coach.grading.prepare",
)
# checked after every test: what decides a test's outcome and carries it to the parent (the
# builtins, hooks, plugins and wiring too); all of WATCHED after the import and after the last test
EACH_TEST = frozenset({
    "pytest", "_pytest.runner", "_pytest.outcomes", "_pytest.reports", "_pytest.reports.TestReport",
    "_pytest.reports.BaseReport", "_pytest.python.Function", "_pytest.unittest.TestCaseFunction",
    "_pytest.python_api", "_pytest.python_api.ApproxBase", "_pytest.raises", "_pytest.raises.RaisesExc",
    "_pytest.runner.CallInfo", "_pytest.subtests.SubtestReport", "unittest.case", "unittest.case.TestCase",
    "unittest.case._Outcome", "unittest.result.TestResult", "coach.grading.plugin",
    "coach.grading.plugin.Reporter", "coach.grading.plugin.Channel", "coach.grading.capture.Capture",
    "coach.grading.capture._Stream", "coach.grading.integrity.Snapshot",
})
# the framework classes a test's outcome passes through (their methods are watched too)
CLASSES = frozenset({
    "Function", "Item", "Node", "Session", "Class", "Module", "CallInfo", "TestReport", "CollectReport",
    "BaseReport", "SubtestReport", "SubtestContext", "TestCaseFunction", "UnitTestCase", "OutcomeException",
    "Skipped", "Failed", "XFailed", "Exit", "Config", "PytestPluginManager", "FixtureRequest",
    "SubRequest", "FixtureDef", "FixtureManager", "AssertionRewritingHook", "HookCaller", "HookImpl",
    "PluginManager", "Result", "HookRelay", "TestCase", "TestResult", "_Outcome", "ApproxBase",
    "RaisesExc", "RaisesGroup", "ExceptionInfo", "Reporter", "Channel", "Capture", "_Stream",
    "CappedText", "Snapshot", "FakeClock", "TestTimeout", "Prepared", "Quiet", "Settings",
})
# set and reset by pytest itself around each test
_PYTEST_OWN = frozenset({
    "_pytest.assertion.util._reprcompare", "_pytest.assertion.util._assertion_pass",
    "_pytest.assertion.util._config",
})
_IMPLS = methodcaller("get_hookimpls")
_FUNCTION = attrgetter("function")
_PLUGIN = itemgetter(1)
_CODE = attrgetter("__code__")
Entry = tuple[str, Any, tuple[Any, ...], tuple[int, ...]]  # label, namespace, keys, ids
# an object whose named attributes are watched: (label, the object, attribute names)
Wiring = tuple[str, object, tuple[str, ...]]


def _namespaces(config: Any) -> list[tuple[str, Any]]:
    spaces: list[tuple[str, Any]] = [("sys.modules", sys.modules), ("builtins", vars(builtins))]
    for name in WATCHED:
        module = sys.modules.get(name)
        if module is None:
            continue
        spaces.append((name, vars(module)))
        for attr, value in list(vars(module).items()):
            if isinstance(value, type) and attr in CLASSES and getattr(value, "__module__", None) == name:
                spaces.append((f"{name}.{attr}", value.__dict__))
    if config is not None:
        spaces.append(("plugins", _plugins(config)))
    return spaces


def _plugins(config: Any) -> dict[str, Any]:
    manager = config.pluginmanager
    found = {}
    for plugin in manager.get_plugins():
        name = str(manager.get_name(plugin))
        found[type(plugin).__qualname__ if name.isdigit() else name] = plugin
    return found


def _hooks(config: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if config is None:
        return found
    for hook_name, caller in list(vars(config.pluginmanager.hook).items()):
        impls = getattr(caller, "get_hookimpls", None)
        if impls is not None:
            for i, impl in enumerate(impls()):
                found[f"{hook_name}#{i}"] = impl.function
    return found


def _functions(spaces: list[tuple[str, Any]]) -> list[FunctionType]:
    return [value for _, space in spaces for value in space.values() if isinstance(value, FunctionType)]


def _wiring_space(wiring: Wiring) -> dict[str, Any]:
    """The object's own attributes (None where it has none: a method set on the instance shows)."""
    label, obj, names = wiring
    own = vars(obj)
    return {name: own.get(name) for name in names}


class Snapshot:
    def __init__(self, config: Any, wiring: Iterable[Wiring] = ()) -> None:
        self.config = config
        self.wiring = tuple(wiring)
        self.refresh()

    def watch(self, wiring: Iterable[Wiring]) -> None:
        """Watch these objects' own attributes too. Cheap when the framework is as it was
        when the snapshot was taken (ahead of time, off the run's clock): only the wiring is read."""
        self.wiring += tuple(wiring)
        now, kept = self._all(), self.kept[0]
        if _LEN(now) != _LEN(kept) or not _ALL(_MAP(is_, now, kept)):  # no id(): it is an audited call
            self.refresh()  # something changed since: take it all again
        else:
            self._wire()

    def refresh(self) -> None:
        """Take the snapshot (again): from now on, compare with the framework as it is now."""
        self.entries = [self._entry(label, space) for label, space in _namespaces(self.config)]
        self.hooks = self._entry("hook", _hooks(self.config))
        # the fast path: live views of every namespace, read in one C-level pass
        plain = [(label, space) for label, space, _, _ in self.entries if label not in ("sys.modules", "plugins")]
        each = [(label, space) for label, space in plain if label == "builtins" or label in EACH_TEST]
        # a function changed in place (its __code__ swapped) keeps its identity: its code is
        # watched too (after the import and the last test)
        self.functions = _functions(plain)
        self.code_ids = tuple(map(id, map(_CODE, self.functions)))
        self._all = self._reader([space.values() for _, space in plain], self.functions)
        self._each = self._reader([space.values() for _, space in each], [])
        self.kept = (self._all(), self._each())  # the originals stay alive: ids are never reused
        self.ids = tuple(map(id, self.kept[0])), tuple(map(id, self.kept[1]))
        self._wire()

    def _wire(self) -> None:
        """The watched objects' own attributes: read on their own, compared on every check."""
        self.wired = [self._entry(w[0], _wiring_space(w)) for w in self.wiring]
        own = [(vars(obj).get, names) for _, obj, names in self.wiring]
        self._wiring_now = lambda: _TUPLE(chain.from_iterable(_MAP(get, names) for get, names in own))
        self.kept_wiring = self._wiring_now()
        self.wiring_ids = tuple(map(id, self.kept_wiring))

    def _reader(self, views: list[Any], functions: list[FunctionType]) -> Callable[[], tuple[Any, ...]]:
        """Every watched value, in a fixed order, without a Python-level loop per value."""
        manager = self.config.pluginmanager if self.config is not None else None
        callers = vars(manager.hook).values() if manager is not None else ()

        def read() -> tuple[Any, ...]:
            parts: list[Iterable[Any]] = [chain.from_iterable(views), _MAP(sys.modules.get, WATCHED),
                                          _MAP(_CODE, functions)]
            if manager is not None:
                parts += [callers, _MAP(_FUNCTION, chain.from_iterable(_MAP(_IMPLS, callers))),
                          _MAP(_PLUGIN, manager.list_name_plugin())]
            return _TUPLE(chain.from_iterable(parts))

        return read

    @staticmethod
    def _entry(label: str, space: Any) -> Entry:
        if label == "sys.modules":
            watched = {name: space.get(name) for name in WATCHED}
            return label, space, tuple(watched), tuple(map(id, watched.values()))
        return label, space, tuple(space), tuple(map(id, space.values()))

    def compare(self, *, full: bool = True) -> str | None:
        """What changed since the snapshot (one line), or None. ``full=False``: only
        what a test's outcome passes through (:data:`EACH_TEST`), for after each test."""
        read, kept = (self._all, self.kept[0]) if full else (self._each, self.kept[1])
        now, wiring = read(), self._wiring_now()
        # identity, element by element at C level (the originals are kept alive, so an object
        # in the same place is the same object; no __eq__ of the solution's is ever called)
        if (_LEN(now) == _LEN(kept) and _ALL(_MAP(is_, now, kept))
                and _LEN(wiring) == _LEN(self.kept_wiring) and _ALL(_MAP(is_, wiring, self.kept_wiring))):
            return None
        found = self._changes()
        if not found:
            self.refresh()  # nothing that counts (a module grew an attribute): compare against now
            return None
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        return f"{shown} {'was' if len(found) == 1 else 'were'} replaced, added or removed"

    def _changes(self) -> list[str]:
        found: list[str] = []
        wiring = {w[0]: w for w in self.wiring}
        for label, space, keys, ids in self.entries + self.wired:
            if label == "plugins":
                space = _plugins(self.config)
            elif label in wiring:
                space = _wiring_space(wiring[label])
            if label == "sys.modules":
                now_ids = tuple(id(space.get(name)) for name in keys)
            else:
                now_ids = tuple(map(id, space.values()))
            if now_ids != ids:
                found += _diff(label, keys, ids, *self._entry(label, space)[2:])
        _, _, keys, ids = self.hooks
        _, _, now_keys, now_ids = self._entry("hook", _hooks(self.config))
        if now_ids != ids or now_keys != keys:
            found += _diff("hook", keys, ids, now_keys, now_ids)
        found += [f"{f.__module__}.{f.__qualname__}.__code__"
                  for f, before in zip(self.functions, self.code_ids) if id(f.__code__) != before]
        return found


def _diff(label: str, keys: tuple, ids: tuple, now_keys: tuple, now_ids: tuple) -> list[str]:
    before = dict(zip(keys, ids))
    after = dict(zip(now_keys, now_ids))
    changed = [k for k in before if after.get(k) != before[k]]
    if label != "builtins" and label not in ("hook", "plugins"):
        added: list[Any] = []  # a module may grow attributes (lazy imports); only changes count
    else:
        added = [k for k in after if k not in before]
    kind = {"plugins": "plugin", "hook": "hook"}.get(label)
    found = [f"{kind} {k}" if kind else f"{label}.{k}" for k in changed + added]
    return [name for name in found if name not in _PYTEST_OWN]


def take(config: Any, wiring: Iterable[Wiring] = ()) -> Snapshot:
    return Snapshot(config, wiring)


def compare(before: Snapshot, config: Any = None, *, full: bool = True) -> str | None:
    return before.compare(full=full)
