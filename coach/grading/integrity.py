"""Noticing a solution that changes the test framework in its own process.

A snapshot records the identity of every attribute of pytest's, pluggy's,
unittest's and coach's grading modules (and of the classes they define), of
the builtins, of the registered pytest plugins and hook implementations. The
worker compares after importing the solution and after each test; any
difference is graded as an error that names it. Best effort, like the guard:
native code can change objects in place without rebinding anything.
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
Snapshot = dict[str, int]
# set and reset by pytest itself around each test
_PYTEST_OWN = frozenset({
    "_pytest.assertion.util._reprcompare", "_pytest.assertion.util._assertion_pass",
    "_pytest.assertion.util._config",
})


def _module_entries(name: str, module: Any, into: Snapshot) -> None:
    into[f"sys.modules[{name!r}]"] = id(module)
    for attr, value in list(vars(module).items()):
        into[f"{name}.{attr}"] = id(value)
        if isinstance(value, type) and getattr(value, "__module__", None) == name:
            for key, member in list(vars(value).items()):
                if key != "__dict__" and key != "__weakref__":
                    into[f"{name}.{attr}.{key}"] = id(member)


def take(config: Any) -> Snapshot:
    snap: Snapshot = {}
    for name in WATCHED:
        module = sys.modules.get(name)
        if module is not None:
            _module_entries(name, module, snap)
    for attr, value in list(vars(builtins).items()):
        snap[f"builtins.{attr}"] = id(value)
    if config is not None:
        manager = config.pluginmanager
        for plugin in manager.get_plugins():
            snap[f"plugin {manager.get_name(plugin) or type(plugin).__name__}"] = id(plugin)
        for hook_name, caller in list(vars(manager.hook).items()):
            impls = getattr(caller, "get_hookimpls", None)
            if impls is not None:
                for i, impl in enumerate(impls()):
                    snap[f"hook {hook_name}#{i}"] = id(impl.function)
    return snap


def compare(before: Snapshot, config: Any) -> str | None:
    """What changed since ``before`` (one line), or None."""
    now = take(config)
    changed = [key for key, ident in before.items() if now.get(key) != ident and key not in _PYTEST_OWN]
    added = [key for key in now if key not in before and key.startswith(("plugin ", "hook ", "builtins."))]
    found = changed + added
    if not found:
        return None
    shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    return f"{shown} {'was' if len(found) == 1 else 'were'} replaced, added or removed"
