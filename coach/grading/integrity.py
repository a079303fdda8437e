"""Noticing a solution that changes the test framework in its own process.

A snapshot records the identity of every attribute of pytest's, pluggy's,
unittest's and coach's grading modules (and of the framework classes tests
pass through), of the builtins, of the registered pytest plugins and of the
hook implementations. The worker compares after importing the solution and
after each test; any difference is graded as an error that names it. Best
effort, like the guard: native code can change objects in place.

Comparing is one C-level pass per namespace (``tuple(map(id, ...))``), so it
costs well under a millisecond a test.
"""

from __future__ import annotations

import builtins
import sys
from typing import Any

WATCHED = (
    "pytest", "_pytest.runner", "_pytest.python", "_pytest.unittest", "_pytest.outcomes",
    "_pytest.reports", "_pytest.main", "_pytest.skipping", "_pytest.fixtures", "_pytest.nodes",
    "_pytest.assertion", "_pytest.assertion.rewrite", "_pytest.assertion.util", "_pytest.subtests",
    "_pytest.python_api", "_pytest.raises", "_pytest.config", "_pytest.hookspec",
    "pluggy", "pluggy._hooks", "pluggy._callers", "pluggy._manager", "pluggy._result",
    "unittest", "unittest.case", "unittest.result",
    "coach.grading.plugin", "coach.grading.fixtures", "coach.grading.protocol", "coach.grading.integrity",
    "coach.grading.worker", "coach.grading.capture",
)
# the framework classes a test's outcome passes through (their methods are watched too)
CLASSES = frozenset({
    "Function", "Item", "Node", "Session", "Class", "Module", "CallInfo", "TestReport", "CollectReport",
    "BaseReport", "SubtestReport", "SubtestContext", "TestCaseFunction", "UnitTestCase", "OutcomeException",
    "Skipped", "Failed", "XFailed", "Exit", "Config", "PytestPluginManager", "FixtureRequest",
    "SubRequest", "FixtureDef", "FixtureManager", "AssertionRewritingHook", "HookCaller", "HookImpl",
    "PluginManager", "Result", "HookRelay", "TestCase", "TestResult", "_Outcome", "ApproxBase",
    "RaisesExc", "RaisesGroup", "ExceptionInfo", "Reporter", "Channel", "Capture", "_Stream",
    "CappedText", "Snapshot", "FakeClock", "TestTimeout",
})
# set and reset by pytest itself around each test
_PYTEST_OWN = frozenset({
    "_pytest.assertion.util._reprcompare", "_pytest.assertion.util._assertion_pass",
    "_pytest.assertion.util._config",
})
Entry = tuple[str, Any, tuple[Any, ...], tuple[int, ...]]  # label, namespace, keys, ids


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


class Snapshot:
    def __init__(self, config: Any) -> None:
        self.config = config
        self.entries: list[Entry] = []
        for label, space in _namespaces(config):
            self.entries.append(self._entry(label, space))
        self.hooks = self._entry("hook", _hooks(config))

    @staticmethod
    def _entry(label: str, space: Any) -> Entry:
        if label == "sys.modules":
            watched = {name: space.get(name) for name in WATCHED}
            return label, space, tuple(watched), tuple(map(id, watched.values()))
        return label, space, tuple(space), tuple(map(id, space.values()))

    def compare(self) -> str | None:
        """What changed since the snapshot (one line), or None."""
        found: list[str] = []
        for label, space, keys, ids in self.entries:
            if label == "plugins":
                space = _plugins(self.config)
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
        if not found:
            return None
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        return f"{shown} {'was' if len(found) == 1 else 'were'} replaced, added or removed"


def _diff(label: str, keys: tuple, ids: tuple, now_keys: tuple, now_ids: tuple) -> list[str]:
    before = dict(zip(keys, ids))
    after = dict(zip(now_keys, now_ids))
    changed = [k for k in before if after.get(k) != before[k]]
    if label != "builtins" and label not in ("hook", "plugins"):
        added: list[Any] = []  # a module may grow attributes (lazy imports); only changes count
    else:
        added = [k for k in after if k not in before]
    kind = {"hook": "hook", "plugins": "plugin"}.get(label)
    found = [f"{kind} {k}" if kind else f"{label}.{k}" for k in changed + added]
    return [name for name in found if name not in _PYTEST_OWN]


def take(config: Any) -> Snapshot:
    return Snapshot(config)


def compare(before: Snapshot, config: Any = None) -> str | None:
    return before.compare()
