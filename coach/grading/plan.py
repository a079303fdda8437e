"""Listing a suite's tests before the solution runs (inside the worker).

pytest collects the suite with a stand-in in place of the solution module:
every name imported from it is a placeholder, so the test file imports and
every parametrized case is listed, whatever state the solution is in (a
syntax error, an empty file, a missing function). The test modules are then
forgotten, so the real run imports them afresh with the real solution.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

from coach.grading.fixtures import timeout_of


class _Placeholder(type):
    """A class standing for any name: callable, subclassable, with any attribute."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return placeholder(name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls


def placeholder(name: str) -> Any:
    return _Placeholder(name, (), {})


class StandIn(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return placeholder(name)


def task_of(item: Any) -> int:
    marker = item.get_closest_marker("task")
    if marker is None:
        return 0
    value = marker.kwargs.get("taskno", marker.args[0] if marker.args else 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def forget_modules(folder: str, also: tuple[str, ...] = ()) -> None:
    prefix = os.path.realpath(folder) + os.sep
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if name in also or (isinstance(file, str) and os.path.realpath(file).startswith(prefix)):
            del sys.modules[name]


def collect_plan(session: Any, suite_dir: str, module: str) -> tuple[list[Any], str | None]:
    """The suite's items, collected with a stand-in solution; and a collection error, if any.

    The session collects again for the real run (``perform_collect`` starts afresh).
    """
    config = session.config
    stand_in = StandIn(module)
    stand_in.__file__ = os.path.join(suite_dir, module + ".py")
    sys.modules[module] = stand_in
    reports: list[Any] = []

    class Errors:
        def pytest_collectreport(self, report: Any) -> None:
            if report.failed:
                reports.append(report)

    errors = Errors()
    config.pluginmanager.register(errors, "coach-plan-errors")
    try:
        session.perform_collect()
        items = list(session.items)
    except BaseException as exc:  # the suite itself is broken: the real run will say how
        return [], f"{type(exc).__name__}: {exc}"
    finally:
        config.pluginmanager.unregister(errors)
        forget_modules(suite_dir, (module,))
        session.testsfailed = 0  # a collection error here must not stop the real run
    if reports:
        return items, str(reports[0].longreprtext)
    return items, None


def plan_message(items: list[Any]) -> dict[str, Any]:
    return {
        "ev": "plan",
        "ids": [item.nodeid for item in items],
        "tasks": {item.nodeid: task_of(item) for item in items if task_of(item)},
        "limits": {item.nodeid: timeout_of(item) for item in items},
    }
