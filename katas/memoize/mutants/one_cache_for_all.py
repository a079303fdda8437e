# Wrong: one module-level cache shared by every decorated function, keyed on the arguments only
import functools
from typing import Any, Callable, NamedTuple


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    currsize: int


_MISSING = object()
_cache: dict = {}


def memoize(fn: Callable[..., Any]) -> Callable[..., Any]:
    hits = misses = 0

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal hits, misses
        try:
            key = (args, frozenset(kwargs.items()))
            result = _cache.get(key, _MISSING)
        except TypeError:
            misses += 1
            return fn(*args, **kwargs)
        if result is _MISSING:
            misses += 1
            result = _cache[key] = fn(*args, **kwargs)
        else:
            hits += 1
        return result

    def cache_info() -> CacheInfo:
        return CacheInfo(hits, misses, len(_cache))

    def cache_clear() -> None:
        nonlocal hits, misses
        _cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info    # type: ignore[attr-defined]
    wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
    return wrapper
