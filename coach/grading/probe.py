"""Inside the grading worker: time a kata's function at growing sizes.

The worker runs this instead of the suite when its job carries ``growth``
(see :mod:`coach.grading.growth`), after the same limits and guard. The
reference is timed first, before the solution is imported, so nothing the
solution does at import can touch its numbers. Each size's time is the least
of a few rounds of the calling thread's CPU time (other processes on a busy
machine do not count; the process clock ticks in jiffies once the CPU limit
is set), with the collector off; a call shorter than a couple of milliseconds
is repeated until the round lasts that long. Every point goes to the parent
as soon as it is measured, so a solution that never returns still leaves a
curve behind.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import math
import random
import string
from collections.abc import Callable, Mapping
from time import thread_time
from typing import TYPE_CHECKING, Any, cast

from coach.grading.complexity import FIT_POINTS, REFERENCE_MODULE, sizes

if TYPE_CHECKING:
    from coach.grading.plugin import Channel

ROUND = 0.002  # seconds a timed round of short calls lasts at least
ROUNDS = 3  # rounds per size; the least is kept
LONG_CALL = 0.25  # a call this long is timed once: the curve stops one size later
REFERENCE_SHARE = 0.3  # of the budget, for the reference
ENOUGH_REFERENCE = 0.01  # seconds per call: the reference's curve is long enough
TINY = 0.00002  # seconds per call below which a size is measured in one round


def _send(channel: Channel, message: dict[str, Any]) -> None:
    channel.send(cast(Any, message))


def _builder(spec: Mapping[str, Any]) -> Callable[[int], tuple[Any, ...]]:
    args = str(spec["args"])
    if ":" in args and args.split(":", 1)[0].endswith(".py"):
        file, name = args.split(":", 1)
        helper = getattr(importlib.import_module(file[:-3]), name)
        return lambda n: tuple(helper(n))
    code = compile(f"({args},)", "<growth args>", "eval")
    modules = {"math": math, "random": random, "string": string, "itertools": itertools}
    return lambda n: cast(tuple[Any, ...], eval(code, {**modules, "n": n}))  # the kata's own expression


def _caller(spec: Mapping[str, Any], module: Any) -> Callable[..., Any]:
    call = str(spec["call"])
    if ":" in call and call.split(":", 1)[0].endswith(".py"):
        file, name = call.split(":", 1)
        helper = getattr(importlib.import_module(file[:-3]), name)
        return lambda *args: helper(module, *args)
    return cast(Callable[..., Any], getattr(module, call))


class BuildError(Exception):
    """The kata's own ``growth.args`` failed: not the solution's fault."""


def _built(build: Callable[[int], tuple[Any, ...]], n: int) -> tuple[Any, ...]:
    try:
        return build(n)
    except Exception as exc:
        raise BuildError(f"the kata's growth.args failed at n = {n:,}: {type(exc).__name__}: {exc}") from None


def _time(function: Callable[..., Any], args: tuple[Any, ...], number: int) -> float:
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = thread_time()
        for _ in range(number):
            function(*args)
        return thread_time() - start
    finally:
        if enabled:
            gc.enable()


def _measure(function: Callable[..., Any], build: Callable[[int], tuple[Any, ...]], n: int,
             left: float, rounds: int = ROUNDS) -> tuple[float, float]:
    """(seconds for one call, seconds of timing behind it) at size n: the least of ``rounds``.

    A call shorter than a round is repeated on the same arguments (built once: a
    million-item list costs more to build than a binary search costs to run); a
    longer one gets arguments of its own each round."""
    args = _built(build, n)
    first = _time(function, args, 1)
    if first >= LONG_CALL or first * rounds > left:
        return first, first
    if first >= ROUND:
        best, total = first, first
        for _ in range(rounds - 1):
            spent = _time(function, _built(build, n), 1)
            total, best = total + spent, min(best, spent)
        return best, total
    number, spent, total = 1, first, first
    while spent < ROUND:  # as many calls per round as make it last ROUND (as timeit's autorange)
        number *= 10 if spent < ROUND / 10 else 2
        spent = _time(function, args, number)
        total += spent
    best = spent / number
    for _ in range(rounds - 1):
        spent = _time(function, args, number)
        total, best = total + spent, min(best, spent / number)
    return best, total


def _curve(channel: Channel, who: str, function: Callable[..., Any], build: Callable[[int], tuple[Any, ...]],
           plan: list[int], budget: float, enough: float) -> None:
    started = thread_time()
    times: list[float] = []
    for index, n in enumerate(plan):
        spent = thread_time() - started
        if times:
            ratio = times[-1] / times[-2] if len(times) >= 2 and times[-2] > 0 else 4.0
            predicted = times[-1] * min(max(2.0, ratio), 16.0)
            if spent + (predicted if predicted >= LONG_CALL else ROUNDS * max(predicted, ROUND)) > budget:
                _send(channel, {"ev": "growth_stop", "who": who, "why": "budget", "next": n})
                return
        try:
            # far below the sizes that matter, one round will do
            quick = bool(times) and times[-1] < TINY and index < len(plan) - FIT_POINTS
            seconds, measured = _measure(function, build, n, budget - spent, 1 if quick else ROUNDS)
        except BuildError as exc:
            _send(channel, {"ev": "growth_error", "who": who, "n": 0, "message": str(exc)})
            return
        except MemoryError:
            _send(channel, {"ev": "growth_error", "who": who, "n": n, "message": "ran out of memory"})
            return
        except BaseException as exc:  # the solution's own failure, reported and not fatal
            _send(channel, {"ev": "growth_error", "who": who, "n": n,
                            "message": f"{type(exc).__name__}: {str(exc)[:200]}"})
            return
        _send(channel, {"ev": "growth_point", "who": who, "n": n, "s": seconds, "measured": measured})
        times.append(seconds)
        if seconds >= enough:
            _send(channel, {"ev": "growth_stop", "who": who, "why": "enough", "next": n})
            return
    _send(channel, {"ev": "growth_stop", "who": who, "why": "sizes", "next": 0})


def serve(channel: Channel, job: Mapping[str, Any]) -> None:
    """Measure the reference, then the solution; the parent kills this process afterwards."""
    spec = cast(Mapping[str, Any], job["growth"])
    budget = float(spec.get("budget", 2.0))
    plan = sizes(int(spec["start"]), int(spec["n"]), int(spec["max"]))
    try:
        build = _builder(spec)
    except BaseException as exc:
        for who in ("reference", "solution"):
            _send(channel, {"ev": "growth_error", "who": who, "n": 0, "message": f"the kata's growth.args: {exc}"})
        _send(channel, {"ev": "done"})
        return
    started = thread_time()
    for who, module_name, share, enough in (
            ("reference", REFERENCE_MODULE, REFERENCE_SHARE, ENOUGH_REFERENCE),
            ("solution", str(job["module"]), 1.0, LONG_CALL)):
        try:
            function = _caller(spec, importlib.import_module(module_name))
        except BaseException as exc:
            _send(channel, {"ev": "growth_error", "who": who, "n": 0,
                            "message": f"cannot import it: {type(exc).__name__}: {str(exc)[:200]}"})
            continue
        left = budget - (thread_time() - started)
        _curve(channel, who, function, build, plan, min(budget * share, left), enough)
    _send(channel, {"ev": "done"})
