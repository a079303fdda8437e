"""Tests for TTLCache. `clock` is coach's fake clock; every test runs twice,
with the clock at a wall-clock value and near zero (as time.monotonic() is
after a reboot)."""

import gc
import weakref

import pytest

from ttl_cache import TTLCache


@pytest.fixture(params=[1_767_225_600.0, 2.0], ids=["wall clock", "near zero"])
def now(request, clock):
    clock.set(request.param)
    return clock


def size(cache):
    result = len(cache)
    assert type(result) is int, f"len() must be an int, got {result!r}"
    return result


def has(cache, key):
    result = key in cache
    assert type(result) is bool, f"`in` must give True or False, got {result!r}"
    return result


class Value:
    """A value that can be weakly referenced, to see whether the cache let go of it."""


def test_example(now):
    cache = TTLCache(ttl=10)
    cache.set("a", 1)
    now.advance(9)
    assert cache.get("a") == 1
    now.advance(1.5)
    assert cache.get("a") is None
    now.advance(0.5)
    cache.set("b", 2)
    now.advance(4)
    cache.set("b", 3)
    now.advance(9)
    assert cache.get("b") == 3
    assert size(cache) == 1


def test_get_default(now):
    cache = TTLCache(5)
    marker = object()
    assert cache.get("nope") is None
    assert cache.get("nope", marker) is marker
    cache.set("k", "v")
    now.advance(6)
    assert cache.get("k", marker) is marker


def test_fresh_cache_holds_values(now):
    # A cache created while the clock is near zero must still hold entries.
    cache = TTLCache(30)
    cache.set("x", 1)
    assert cache.get("x") == 1
    assert has(cache, "x")
    assert size(cache) == 1


def test_expiry_sees_in_and_len(now):
    cache = TTLCache(2)
    cache.set("a", 1)
    now.advance(1)
    cache.set("b", 2)
    assert size(cache) == 2 and has(cache, "a")
    now.advance(1.5)  # a expired, b alive
    assert not has(cache, "a")
    assert has(cache, "b")
    assert size(cache) == 1
    now.advance(1)
    assert size(cache) == 0


def test_reading_does_not_extend_life(now):
    cache = TTLCache(3)
    cache.set("a", 1)
    for _ in range(5):
        now.advance(0.5)
        assert cache.get("a") == 1
    now.advance(0.6)  # 3.1 s after the set
    assert cache.get("a") is None


def test_set_again_restarts_the_ttl(now):
    cache = TTLCache(3)
    cache.set("a", 1)
    now.advance(2)
    cache.set("a", 2)
    now.advance(2)  # 4 s after the first set, 2 s after the second
    assert cache.get("a") == 2
    now.advance(1.5)
    assert cache.get("a") is None


@pytest.mark.parametrize("value", [None, 0, False, ""], ids=["None", "0", "False", "empty str"])
def test_falsy_values_are_hits(now, value):
    cache = TTLCache(5)
    cache.set("k", value)
    marker = object()
    assert cache.get("k", marker) is value
    assert has(cache, "k")


def test_maxsize_evicts_the_oldest(now):
    cache = TTLCache(100, maxsize=2)
    cache.set("a", 1)
    now.advance(1)
    cache.set("b", 2)
    now.advance(1)
    cache.set("c", 3)
    assert not has(cache, "a")
    assert cache.get("b") == 2 and cache.get("c") == 3
    assert size(cache) == 2


def test_maxsize_counts_a_reset_as_new(now):
    cache = TTLCache(100, maxsize=2)
    cache.set("a", 1)
    now.advance(1)
    cache.set("b", 2)
    now.advance(1)
    cache.set("a", 10)  # a now expires last; b is the one to go
    cache.set("c", 3)
    assert not has(cache, "b")
    assert cache.get("a") == 10 and cache.get("c") == 3


def test_maxsize_replacing_a_key_evicts_nothing(now):
    cache = TTLCache(100, maxsize=2)
    cache.set("a", 1)
    cache.set("b", 2)
    cache.set("b", 20)
    assert cache.get("a") == 1 and cache.get("b") == 20


def test_expired_entries_make_room_before_eviction(now):
    cache = TTLCache(5, maxsize=2)
    cache.set("old", 1)
    now.advance(3)
    cache.set("mid", 2)
    now.advance(2.5)  # "old" has expired
    cache.set("new", 3)
    assert cache.get("mid") == 2 and cache.get("new") == 3


def test_expired_values_are_freed_without_being_read(now):
    cache = TTLCache(1)
    refs = []
    for i in range(100):
        value = Value()
        refs.append(weakref.ref(value))
        cache.set(i, value)
    del value
    now.advance(2)
    cache.set("fresh", Value())
    gc.collect()
    alive = sum(ref() is not None for ref in refs)
    assert alive == 0, f"{alive} expired values are still held after the next set()"


def test_invalid_arguments(now):
    for ttl in (0, -1):
        with pytest.raises(ValueError):
            TTLCache(ttl)
    with pytest.raises(ValueError):
        TTLCache(5, maxsize=0)


def test_caches_are_independent(now):
    first, second = TTLCache(5), TTLCache(5)
    first.set("a", 1)
    assert not has(second, "a")
    assert size(second) == 0


@pytest.mark.timeout(1)
def test_operations_are_constant_time(now):
    cache = TTLCache(10)
    for i in range(10_000):
        cache.set(i, i)
        now.advance(0.001)
    # Each second 1,000 entries expire and 1,000 arrive: 10,000 stay live.
    for i in range(10_000, 30_000):
        cache.set(i, i)
        now.advance(0.001)
        if i % 1000 == 0:
            assert cache.get(i - 10) == i - 10
    assert 9_900 <= size(cache) <= 10_100  # about 10,000 (float steps of 0.001 drift)
    assert cache.get(0) is None
