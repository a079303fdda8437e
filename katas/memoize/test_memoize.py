"""Tests for memoize. Every test decorates its own functions, so no cache is
shared between tests."""

import inspect

import pytest

from memoize import memoize


def recorder(result_of=lambda *args, **kwargs: (args, kwargs)):
    """A function that logs each call it really runs, and its memoized version."""
    calls = []

    def fn(*args, **kwargs):
        calls.append((args, kwargs))
        return result_of(*args, **kwargs)

    return memoize(fn), calls


def info(fn):
    stats = fn.cache_info()
    for name in ("hits", "misses", "currsize"):
        value = getattr(stats, name)
        assert type(value) is int, f"cache_info().{name} must be an int, got {value!r}"
    return stats.hits, stats.misses, stats.currsize


def test_second_call_comes_from_the_cache():
    square, calls = recorder(lambda x: x * x)
    assert square(4) == 16
    assert square(4) == 16
    assert calls == [((4,), {})]


def test_different_arguments_are_computed_separately():
    sub, calls = recorder(lambda a, b: a - b)
    assert sub(5, 2) == 3
    assert sub(2, 5) == -3
    assert sub(5, 2) == 3
    assert sub(2, 5) == -3
    assert len(calls) == 2


def test_no_arguments():
    fn, calls = recorder(lambda: "value")
    assert fn() == "value"
    assert fn() == "value"
    assert len(calls) == 1


def test_keyword_order_does_not_matter():
    fn, calls = recorder(lambda **kw: kw["a"] * 10 + kw["b"])
    assert fn(a=1, b=2) == 12
    assert fn(b=2, a=1) == 12
    assert len(calls) == 1, "f(a=1, b=2) and f(b=2, a=1) must share one cache entry"


def test_positional_and_keyword_arguments_together():
    fn, calls = recorder(lambda x, *, scale, offset: x * scale + offset)
    assert fn(3, scale=2, offset=1) == 7
    assert fn(3, offset=1, scale=2) == 7
    assert fn(4, offset=1, scale=2) == 9
    assert fn(3, scale=1, offset=2) == 5
    assert len(calls) == 3


def test_keyword_values_are_part_of_the_key():
    fn, calls = recorder(lambda **kw: kw)
    assert fn(a=1, b=2) == {"a": 1, "b": 2}
    assert fn(a=2, b=1) == {"a": 2, "b": 1}
    assert len(calls) == 2


def test_keyword_names_are_part_of_the_key():
    fn, calls = recorder(lambda **kw: sorted(kw))
    assert fn(a=1) == ["a"]
    assert fn(b=1) == ["b"]
    assert len(calls) == 2


def test_positional_tuple_does_not_collide_with_keywords():
    fn, calls = recorder()
    assert fn(("a", 1)) == ((("a", 1),), {})
    assert fn(a=1) == ((), {"a": 1}), "f(('a', 1)) and f(a=1) are different calls"
    assert fn(1, ("b", 2)) == ((1, ("b", 2)), {})
    assert fn(1, b=2) == ((1,), {"b": 2})
    assert len(calls) == 4


def test_arguments_with_equal_hashes_are_not_confused():
    # In CPython hash(-1) == hash(-2): a cache keyed on bare hashes mixes them up.
    assert hash(-1) == hash(-2)
    negate, calls = recorder(lambda x: -x)
    assert negate(-1) == 1
    assert negate(-2) == 2
    assert negate(-1) == 1
    assert len(calls) == 2


@pytest.mark.parametrize("falsy", [None, 0, False, "", []],
                         ids=["None", "0", "False", "empty str", "empty list"])
def test_falsy_results_are_cached(falsy):
    fn, calls = recorder(lambda: falsy)
    assert fn() is falsy
    assert fn() is falsy
    assert len(calls) == 1, f"a result of {falsy!r} must be cached like any other"


def test_hit_returns_the_stored_object():
    fn, calls = recorder(lambda n: list(range(n)))
    first = fn(3)
    assert type(first) is list and first == [0, 1, 2]
    assert fn(3) is first


def test_exceptions_are_not_cached():
    attempts = []

    @memoize
    def flaky(x):
        attempts.append(x)
        if len(attempts) == 1:
            raise ValueError("first call fails")
        return x * 2

    with pytest.raises(ValueError, match="first call fails"):
        flaky(5)
    assert flaky(5) == 10
    assert flaky(5) == 10
    assert attempts == [5, 5]


@pytest.mark.parametrize(
    "args, kwargs",
    [(([1, 2],), {}), (({"k": 1},), {}), (({1, 2},), {}), ((1, (2, [3])), {}), ((), {"items": [1]})],
    ids=["list", "dict", "set", "tuple holding a list", "keyword list"],
)
def test_unhashable_arguments_call_through_uncached(args, kwargs):
    fn, calls = recorder()
    expected = (args, kwargs)
    assert fn(*args, **kwargs) == expected
    assert fn(*args, **kwargs) == expected
    assert len(calls) == 2, "a call with an unhashable argument must run fn every time"


def test_unhashable_calls_see_the_current_value():
    total, calls = recorder(sum)
    numbers = [1, 2]
    assert total(numbers) == 3
    numbers.append(10)
    assert total(numbers) == 13


def test_hashable_calls_still_cached_after_unhashable_ones():
    fn, calls = recorder(len)
    assert fn([1, 2, 3]) == 3
    assert fn((1, 2)) == 2
    assert fn((1, 2)) == 2
    assert len(calls) == 2


def test_type_error_from_fn_propagates_and_runs_once():
    calls = []

    @memoize
    def picky(x):
        calls.append(x)
        raise TypeError("picky's own error")

    with pytest.raises(TypeError, match="picky's own error"):
        picky(1)
    assert calls == [1], "fn's own TypeError must not make the wrapper call fn again"


def test_caches_are_per_function():
    double, double_calls = recorder(lambda x: x * 2)
    triple, triple_calls = recorder(lambda x: x * 3)
    assert double(5) == 10
    assert triple(5) == 15
    assert double(5) == 10
    assert triple(5) == 15
    assert len(double_calls) == len(triple_calls) == 1


def test_works_on_methods():
    computed = []

    class Circle:
        def __init__(self, r):
            self.r = r

        @memoize
        def area(self, scale=1):
            computed.append(self.r)
            return 3 * self.r * self.r * scale

    small, big = Circle(1), Circle(2)
    assert small.area() == 3
    assert big.area() == 12
    assert small.area() == 3
    assert big.area() == 12
    assert computed == [1, 2]


def test_keeps_metadata():
    def original(a, b=2):
        """Add two numbers."""
        return a + b

    wrapped = memoize(original)
    assert wrapped.__name__ == "original"
    assert wrapped.__qualname__ == original.__qualname__
    assert wrapped.__doc__ == "Add two numbers."
    assert wrapped.__module__ == original.__module__
    assert wrapped.__wrapped__ is original, "use functools.wraps: it also sets __wrapped__"
    assert inspect.signature(wrapped) == inspect.signature(original)


def test_cache_clear_forgets_results():
    square, calls = recorder(lambda x: x * x)
    square(2)
    square(3)
    assert square.cache_clear() is None
    assert square(2) == 4
    assert square(3) == 9
    assert len(calls) == 4
    square(2)
    assert len(calls) == 4


def test_cache_clear_is_per_function():
    first, first_calls = recorder(lambda x: x)
    second, second_calls = recorder(lambda x: x)
    first(1)
    second(1)
    first.cache_clear()
    first(1)
    second(1)
    assert len(first_calls) == 2
    assert len(second_calls) == 1


def test_cache_info_counts():
    fn, calls = recorder(lambda x: x)
    assert info(fn) == (0, 0, 0)
    fn(1)
    assert info(fn) == (0, 1, 1)
    fn(1)
    fn(1)
    assert info(fn) == (2, 1, 1)
    fn(2)
    assert info(fn) == (2, 2, 2)
    fn([1])  # unhashable: ran fn, stored nothing
    assert info(fn) == (2, 3, 2)


def test_cache_info_counts_failed_calls_as_misses():
    @memoize
    def fails(x):
        raise KeyError(x)

    for _ in range(2):
        with pytest.raises(KeyError):
            fails(1)
    assert info(fails) == (0, 2, 0)


def test_cache_clear_resets_the_statistics():
    fn, calls = recorder(lambda x: x)
    fn(1)
    fn(1)
    fn(2)
    fn.cache_clear()
    assert info(fn) == (0, 0, 0)
    fn(1)
    assert info(fn) == (0, 1, 1)


@pytest.mark.timeout(1)
def test_recursive_calls_use_the_cache():
    @memoize
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    # Without a cache fib(120) makes about 10**25 calls; with one, 121.
    assert fib(120) == 5_358_359_254_990_966_640_871_840
    assert info(fib)[1] == 121
