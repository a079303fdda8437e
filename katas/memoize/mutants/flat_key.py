# Wrong: puts positional and keyword arguments in one flat tuple, so f(('a', 1)) and f(a=1) collide
import functools
from typing import Any, Callable, NamedTuple


class CacheInfo(NamedTuple):
    hits: int      # calls answered from the cache
    misses: int    # calls that ran fn
    currsize: int  # entries in the cache


_MISSING = object()  # "not cached": None, 0 and False are real results


def memoize(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator: cache fn's result for each distinct set of arguments.

    The key is (args, frozenset(kwargs.items())): the frozenset makes keyword
    order irrelevant, and the two slots keep f(("a", 1)) apart from f(a=1).
    Calls with an unhashable argument run fn uncached.

    A call costs one hash of its arguments, O(size of the arguments), plus an
    average O(1) dict lookup; memory grows by one entry per distinct call.
    """
    cache: dict[tuple[tuple[Any, ...], frozenset[tuple[str, Any]]], Any] = {}
    hits = misses = 0

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal hits, misses
        try:
            key = args + tuple(sorted(kwargs.items()))
            result = cache.get(key, _MISSING)
        except TypeError:  # an unhashable argument: nothing to key on
            misses += 1
            return fn(*args, **kwargs)
        if result is _MISSING:
            misses += 1
            result = cache[key] = fn(*args, **kwargs)  # not stored if fn raises
        else:
            hits += 1
        return result

    def cache_info() -> CacheInfo:
        return CacheInfo(hits, misses, len(cache))

    def cache_clear() -> None:
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info    # type: ignore[attr-defined]
    wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
    return wrapper
