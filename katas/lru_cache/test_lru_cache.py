"""Tests for LRUCache (module `lru`)."""

import pytest

from lru import LRUCache


def size(cache):
    result = len(cache)
    assert type(result) is int, f"len() must be an int, got {result!r}"
    return result


def test_put_then_get():
    cache = LRUCache(2)
    value = ["a value"]
    cache.put("a", value)
    assert cache.get("a") is value, "get() must return the stored object itself"
    assert size(cache) == 1
    assert "a" in cache


def test_missing_key_returns_the_default():
    cache = LRUCache(2)
    cache.put("a", 1)
    assert cache.get("nope") is None
    marker = object()
    assert cache.get("nope", marker) is marker
    assert cache.get("nope", default=marker) is marker
    assert "nope" not in cache, "a missed get() must not insert the key"
    assert size(cache) == 1


@pytest.mark.parametrize("value", [None, 0, False, "", []], ids=["None", "0", "False", "empty str", "empty list"])
def test_stored_falsy_values_are_returned(value):
    cache = LRUCache(2)
    cache.put("k", value)
    marker = object()
    assert cache.get("k", marker) is value, "a stored falsy value is still a hit"
    assert "k" in cache


def test_evicts_the_least_recently_used():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)  # over capacity: "a" is the oldest
    assert "a" not in cache
    assert cache.get("a") is None
    assert cache.get("b") == 2 and cache.get("c") == 3
    assert size(cache) == 2


def test_get_counts_as_a_use():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3)
    assert "b" not in cache
    assert "a" in cache and "c" in cache


def test_put_on_an_existing_key_updates_and_counts_as_a_use():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)  # update: "b" is now the least recently used
    assert size(cache) == 2
    assert "a" in cache and "b" in cache, "updating a key at capacity must not evict anything"
    cache.put("c", 3)
    assert "b" not in cache
    assert cache.get("a") == 10


def test_updating_at_capacity_evicts_nothing():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("b", 20)  # the newest key, updated while the cache is full
    assert "a" in cache, "updating a key must not evict another one"
    assert cache.get("b") == 20
    assert size(cache) == 2


def test_a_missed_get_changes_nothing():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("zzz")
    cache.put("c", 3)
    assert "a" not in cache and "b" in cache and "c" in cache


def test_in_does_not_count_as_a_use():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert "a" in cache  # a peek, not a use: "a" stays the oldest
    cache.put("c", 3)
    assert "a" not in cache
    assert "b" in cache


def test_evictions_follow_the_whole_order():
    cache = LRUCache(3)
    for key in "abc":
        cache.put(key, key.upper())
    cache.get("a")        # order, oldest first: b c a
    cache.put("b", "B2")  # c a b
    cache.put("d", "D")   # evicts c: a b d
    cache.put("e", "E")   # evicts a: b d e
    assert [k in cache for k in "abcde"] == [False, True, False, True, True]
    assert [cache.get(k) for k in "bde"] == ["B2", "D", "E"]


def test_capacity_one():
    cache = LRUCache(1)
    cache.put(1, "one")
    cache.put(2, "two")
    assert 1 not in cache
    assert cache.get(2) == "two"
    assert size(cache) == 1


def test_any_hashable_key():
    cache = LRUCache(3)
    cache.put((1, 2), "tuple")
    cache.put(frozenset({3}), "frozenset")
    cache.put(4.5, "float")
    assert cache.get((1, 2)) == "tuple"
    assert cache.get(frozenset({3})) == "frozenset"
    assert cache.get(4.5) == "float"


@pytest.mark.parametrize("capacity", [0, -1], ids=["zero", "negative"])
def test_capacity_below_one_is_rejected(capacity):
    with pytest.raises(ValueError):
        LRUCache(capacity)


def test_caches_are_independent():
    first, second = LRUCache(2), LRUCache(2)
    first.put("a", 1)
    assert "a" not in second
    assert size(second) == 0
    second.put("b", 2)
    second.put("c", 3)
    assert "a" in first and size(first) == 1



@pytest.mark.timeout(1)
def test_operations_are_constant_time():
    # 150,000 items, then 150,000 rounds of a get from the middle of the
    # recency order and a put that evicts. O(1) operations take a fraction of
    # a second. Scanning a list of keys on each use takes minutes; so does
    # evicting from a plain dict with next(iter(d)): each deletion at the
    # front leaves a hole that every later next(iter(d)) walks past again.
    capacity = 150_000
    half = capacity // 2
    cache = LRUCache(capacity)

    def workload():
        for i in range(capacity):
            cache.put(i, i)
        for i in range(capacity, 2 * capacity):
            key = i - half
            assert cache.get(key) == key
            cache.put(i, i)

    workload()
    assert size(cache) == capacity
    assert 0 not in cache and capacity - 1 not in cache and capacity in cache
    # Keys capacity to capacity + half - 1 were each read `half` rounds after
    # their put. The oldest uses now: the read of `capacity`, then the put of
    # capacity + half after it.
    cache.put("x", 0)
    cache.put("y", 0)
    assert capacity not in cache and capacity + half not in cache and capacity + 1 in cache
