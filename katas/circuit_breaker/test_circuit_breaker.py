"""Tests for CircuitBreaker. `clock` is coach's fake clock; every test runs
twice, with the clock at a wall-clock value and near zero (as
time.monotonic() can be on a freshly booted machine)."""

import pytest

from circuit_breaker import CircuitBreaker, CircuitOpenError


@pytest.fixture(params=[1_767_225_600.0, 2.0], ids=["wall clock", "near zero"])
def now(request, clock):
    clock.set(request.param)
    return clock


class Service:
    """A dependency whose next calls succeed or fail as the test says."""

    def __init__(self):
        self.calls = 0
        self.failing = False

    def __call__(self, value="ok"):
        self.calls += 1
        if self.failing:
            raise ConnectionError(f"down (call {self.calls})")
        return value


def fail(breaker, service, times=1):
    service.failing = True
    for _ in range(times):
        with pytest.raises(ConnectionError):
            breaker.call(service)


def state(breaker):
    result = breaker.state
    assert type(result) is str, f"state must be a str, got {result!r}"
    return result


def test_fresh_breaker_is_closed_and_calls_through(now):
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=30)
    service = Service()
    assert state(breaker) == "closed"
    assert breaker.call(service, "hello") == "hello"
    assert service.calls == 1


def test_passes_arguments_and_returns_results(now):
    breaker = CircuitBreaker()
    assert breaker.call(lambda a, b=0: a + b, 2, b=3) == 5
    result = []
    assert breaker.call(lambda: result) is result


def test_reraises_the_same_exception(now):
    breaker = CircuitBreaker(failure_threshold=3)
    error = ValueError("bad input")

    def broken():
        raise error

    with pytest.raises(ValueError) as caught:
        breaker.call(broken)
    assert caught.value is error


def test_opens_after_threshold_consecutive_failures(now):
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=30)
    service = Service()
    fail(breaker, service, 2)
    assert state(breaker) == "closed"
    fail(breaker, service, 1)
    assert state(breaker) == "open"


def test_open_breaker_does_not_call(now):
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=30)
    service = Service()
    fail(breaker, service, 2)
    service.failing = False
    before = service.calls
    with pytest.raises(CircuitOpenError):
        breaker.call(service)
    assert service.calls == before, "an open breaker must not call the function"
    now.advance(29)
    with pytest.raises(CircuitOpenError):
        breaker.call(service)
    assert service.calls == before


def test_success_resets_the_count(now):
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=30)
    service = Service()
    fail(breaker, service, 2)
    service.failing = False
    breaker.call(service)
    fail(breaker, service, 2)
    assert state(breaker) == "closed", "failures must be consecutive: a success in between resets the count"
    fail(breaker, service, 1)
    assert state(breaker) == "open"


def test_half_open_after_the_timeout(now):
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=10)
    service = Service()
    fail(breaker, service)
    now.advance(9.5)
    assert state(breaker) == "open"
    now.advance(1)
    assert state(breaker) == "half_open"


def test_trial_success_closes(now):
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=10)
    service = Service()
    fail(breaker, service, 2)
    now.advance(11)
    service.failing = False
    assert breaker.call(service, "back") == "back"
    assert state(breaker) == "closed"
    fail(breaker, service, 1)
    assert state(breaker) == "closed", "after closing, the count starts again from 0"
    fail(breaker, service, 1)
    assert state(breaker) == "open"


def test_trial_failure_reopens_for_a_full_timeout(now):
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10)
    service = Service()
    fail(breaker, service, 3)
    now.advance(11)
    fail(breaker, service, 1)  # one failed trial is enough to reopen
    assert state(breaker) == "open"
    calls = service.calls
    now.advance(9.5)
    with pytest.raises(CircuitOpenError):
        breaker.call(service)
    assert service.calls == calls
    now.advance(1)
    assert state(breaker) == "half_open"


def test_decorator(now):
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=5)
    ran = []

    @breaker
    def fetch(url, *, retries=0):
        """Fetch a URL."""
        ran.append(url)
        if url == "bad":
            raise TimeoutError(url)
        return f"body of {url} ({retries})"

    assert fetch.__name__ == "fetch" and fetch.__doc__ == "Fetch a URL."
    assert fetch("a", retries=2) == "body of a (2)"
    with pytest.raises(TimeoutError):
        fetch("bad")
    with pytest.raises(CircuitOpenError):
        fetch("b")
    assert ran == ["a", "bad"]


def test_breakers_are_independent(now):
    first = CircuitBreaker(failure_threshold=1, reset_timeout=30)
    second = CircuitBreaker(failure_threshold=1, reset_timeout=30)
    fail(first, Service())
    assert state(first) == "open"
    assert state(second) == "closed"
    assert second.call(lambda: 1) == 1


def test_circuit_open_error_is_an_exception(now):
    assert issubclass(CircuitOpenError, Exception)


@pytest.mark.parametrize("kwargs", [{"failure_threshold": 0}, {"reset_timeout": 0}, {"reset_timeout": -1}])
def test_invalid_arguments(now, kwargs):
    with pytest.raises(ValueError):
        CircuitBreaker(**kwargs)
