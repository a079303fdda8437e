from typing import Any, Callable, NamedTuple


class CacheInfo(NamedTuple):
    hits: int      # calls answered from the cache
    misses: int    # calls that ran fn
    currsize: int  # entries in the cache


def memoize(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator: cache fn's result for each distinct set of arguments.

    The returned function also has .cache_clear() and .cache_info().

    >>> @memoize
    ... def square(x):
    ...     return x * x
    >>> square(4), square(4), square.cache_info()
    (16, 16, CacheInfo(hits=1, misses=1, currsize=1))
    """
    raise NotImplementedError("write memoize")
