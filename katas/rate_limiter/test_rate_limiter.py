"""Tests for RateLimiter. `clock` is coach's fake clock: time stands still
until the test advances it."""

import tracemalloc

import pytest
from rate_limiter import RateLimiter


def allow(limiter):
    result = limiter.allow()
    assert type(result) is bool, f"allow() must return True or False, got {result!r}"
    return result


def test_allows_up_to_the_limit(clock):
    limiter = RateLimiter(3, 10)
    assert [allow(limiter) for _ in range(3)] == [True, True, True]


def test_rejects_over_the_limit(clock):
    limiter = RateLimiter(3, 10)
    for _ in range(3):
        allow(limiter)
    assert allow(limiter) is False
    clock.advance(9)
    assert allow(limiter) is False


def test_window_slides(clock):
    limiter = RateLimiter(3, 10)
    for _ in range(3):
        assert allow(limiter)
        clock.advance(1)  # allowed at t = 0, 1, 2
    clock.set(clock.now + 10.5 - 3)  # t = 10.5: only t = 0 has expired
    assert allow(limiter) is True
    clock.advance(0.1)  # t = 10.6: 1, 2 and 10.5 are still inside the window
    assert allow(limiter) is False


def test_not_a_fixed_window(clock):
    # A counter reset every 10 s would allow all three of these.
    limiter = RateLimiter(2, 10)
    clock.advance(8)
    assert allow(limiter) and allow(limiter)  # t = 8
    clock.advance(3)  # t = 11: a fixed window would have reset at t = 10
    assert allow(limiter) is False


def test_rejected_requests_do_not_count(clock):
    limiter = RateLimiter(2, 10)
    assert allow(limiter) and allow(limiter)
    clock.advance(5)
    for _ in range(20):
        assert allow(limiter) is False
    clock.advance(5.5)  # the first two left the window; the rejections never entered
    assert allow(limiter) is True
    assert allow(limiter) is True
    assert allow(limiter) is False


def test_everything_expires(clock):
    limiter = RateLimiter(5, 1)
    for _ in range(5):
        assert allow(limiter)
    clock.advance(1.01)
    assert [allow(limiter) for _ in range(6)] == [True] * 5 + [False]


def test_limit_of_one(clock):
    limiter = RateLimiter(1, 2)
    assert allow(limiter) is True
    clock.advance(1.9)
    assert allow(limiter) is False
    clock.advance(0.2)
    assert allow(limiter) is True


def test_fractional_window(clock):
    limiter = RateLimiter(2, 0.5)
    assert allow(limiter) and allow(limiter)
    clock.advance(0.3)
    assert allow(limiter) is False
    clock.advance(0.25)
    assert allow(limiter) is True


def test_limiters_are_independent(clock):
    first = RateLimiter(1, 10)
    second = RateLimiter(1, 10)
    assert allow(first) is True
    assert allow(second) is True
    assert allow(first) is False
    assert allow(second) is False


def test_steady_traffic_at_the_limit(clock):
    # At most 2 per second, one request every 0.51 s: every request fits.
    limiter = RateLimiter(2, 1)
    results = []
    for _ in range(40):
        results.append(allow(limiter))
        clock.advance(0.51)
    assert all(results)


def test_many_calls_stay_fast(clock):
    limiter = RateLimiter(100, 1)
    allowed = 0
    for _ in range(5_000):
        allowed += allow(limiter)
        clock.advance(0.001)
    # 5 s of traffic at 1,000 requests per second, 100 allowed per second.
    assert 490 <= allowed <= 510


@pytest.mark.timeout(1)
def test_memory_stays_bounded(clock):
    # 20,000 allowed requests, at most 2 inside any window: a limiter that never
    # forgets old timestamps grows by megabytes; one that evicts holds two.
    limiter = RateLimiter(2, 0.001)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(20_000):
            assert limiter.allow() is True
            clock.advance(0.001)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 100_000, (
        f"the limiter holds {grown:,} more bytes after 20,000 requests: "
        "drop timestamps that have left the window"
    )
