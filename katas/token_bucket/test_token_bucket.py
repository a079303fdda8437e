"""Tests for TokenBucket. `clock` is coach's fake clock: time stands still
until the test advances it. The tests never probe the exact instant a token
becomes whole, so floating-point rounding cannot decide a result."""

from token_bucket import TokenBucket


def allow(bucket, *tokens, **kw):
    result = bucket.allow(*tokens, **kw)
    assert type(result) is bool, f"allow() must return True or False, got {result!r}"
    return result


def drain(bucket, count):
    assert [allow(bucket) for _ in range(count)] == [True] * count, "a full bucket rejected a request"
    assert allow(bucket) is False, "the bucket should be empty now"


def test_starts_full(clock):
    bucket = TokenBucket(5, 1)
    assert [allow(bucket) for _ in range(6)] == [True] * 5 + [False]


def test_refills_at_the_rate(clock):
    bucket = TokenBucket(3, 2)  # 2 tokens per second
    drain(bucket, 3)
    clock.advance(0.6)  # 1.2 tokens
    assert allow(bucket) is True
    assert allow(bucket) is False
    clock.advance(1.1)  # 0.2 + 2.2 = 2.4 tokens
    assert [allow(bucket) for _ in range(3)] == [True, True, False]


def test_fractions_of_a_token_carry_over(clock):
    bucket = TokenBucket(5, 2)
    drain(bucket, 5)
    clock.advance(0.3)  # 0.6 tokens: not enough yet
    assert allow(bucket) is False
    clock.advance(0.3)  # 1.2 tokens: the first 0.6 must not be lost
    assert allow(bucket) is True
    assert allow(bucket) is False


def test_fractional_rate(clock):
    bucket = TokenBucket(1, 0.5)  # one token every two seconds
    assert allow(bucket) is True
    clock.advance(1.5)
    assert allow(bucket) is False
    clock.advance(0.6)
    assert allow(bucket) is True


def test_never_holds_more_than_capacity(clock):
    bucket = TokenBucket(3, 1)
    clock.advance(1000)  # idle for a long time: still only 3 tokens
    drain(bucket, 3)
    clock.advance(1.5)
    assert allow(bucket) is True
    clock.advance(500)
    drain(bucket, 3)


def test_rejection_takes_nothing(clock):
    bucket = TokenBucket(5, 1)
    assert allow(bucket, 3) is True   # 2 left
    assert allow(bucket, 3) is False  # not enough: nothing taken
    assert allow(bucket, 2) is True
    assert allow(bucket) is False


def test_rejected_calls_do_not_distort_the_refill(clock):
    bucket = TokenBucket(2, 1)
    drain(bucket, 2)
    clock.advance(0.5)  # 0.5 tokens
    assert allow(bucket) is False
    clock.advance(0.3)  # 0.8 tokens: the 0.5 seen above must not be counted twice
    assert allow(bucket) is False
    clock.advance(0.3)  # 1.1 tokens: the refill must not restart at each rejection
    assert allow(bucket) is True
    assert allow(bucket) is False


def test_requests_for_several_tokens(clock):
    bucket = TokenBucket(4, 1)
    assert allow(bucket, tokens=4) is True  # the whole bucket at once
    clock.advance(2.5)
    assert allow(bucket, tokens=3) is False
    assert allow(bucket, tokens=2) is True
    assert allow(bucket, tokens=1) is False


def test_request_larger_than_capacity_never_succeeds(clock):
    bucket = TokenBucket(3, 1)
    assert allow(bucket, 4) is False
    clock.advance(1000)
    assert allow(bucket, 4) is False
    assert allow(bucket, 3) is True  # the failed requests took nothing


def test_buckets_are_independent(clock):
    first = TokenBucket(2, 1)
    second = TokenBucket(2, 1)
    drain(first, 2)
    drain(second, 2)
    third = TokenBucket(1, 1)
    assert allow(third) is True
    clock.advance(1.5)
    assert allow(first) is True
    assert allow(first) is False
    assert allow(second) is True


def test_burst_then_steady_rate(clock):
    bucket = TokenBucket(10, 5)  # bursts of 10, 5 per second in the long run
    allowed = 0
    for _ in range(2000):  # one request every 10 ms for 20 s
        allowed += allow(bucket)
        clock.advance(0.01)
    # the initial 10, then 5 per second for (almost) 20 s
    assert 108 <= allowed <= 110
