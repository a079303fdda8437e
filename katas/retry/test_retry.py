"""Tests for retry. The tests pass `sleep=` a fake that records the requested
waits, so nothing really sleeps."""

import pytest

from retry import retry

# Nothing here really sleeps; a solution that ignores `sleep=` and calls
# time.sleep would wait out every backoff, so fail it quickly instead.
pytestmark = pytest.mark.timeout(2)


class Flaky:
    """A function that raises the given exceptions in turn; a None in the
    script means "return `result` this time". Past the end it returns."""

    __name__ = "flaky"

    def __init__(self, *script, result="ok"):
        self.script = list(script)
        self.result = result
        self.calls = []   # (args, kwargs) of each call
        self.raised = []  # the exceptions it raised, in order

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        step = self.script.pop(0) if self.script else None
        if step is None:
            return self.result
        self.raised.append(step)
        raise step


class Halt(BaseException):
    """Not an Exception: like KeyboardInterrupt, it must never be retried by default."""


def test_returns_the_result_without_retrying():
    sleeps = []
    fn = Flaky(result=42)
    assert retry(times=3, sleep=sleeps.append)(fn)() == 42
    assert len(fn.calls) == 1
    assert sleeps == []


def test_retries_until_it_succeeds():
    sleeps = []
    fn = Flaky(ValueError("first"), ValueError("second"), result="third time lucky")
    assert retry(times=3, sleep=sleeps.append)(fn)() == "third time lucky"
    assert len(fn.calls) == 3


def test_gives_up_after_times_attempts_and_reraises_the_last_exception():
    sleeps = []
    fn = Flaky(*(ValueError(f"failure {i}") for i in range(1, 6)))
    with pytest.raises(ValueError) as caught:
        retry(times=3, sleep=sleeps.append)(fn)()
    assert len(fn.calls) == 3, "times counts every attempt, the first one included"
    assert caught.value is fn.raised[-1], (
        f"expected the last attempt's exception itself, got {caught.value!r}"
    )


@pytest.mark.parametrize("times", [1, 2, 5])
def test_times_is_the_total_number_of_attempts(times):
    sleeps = []
    fn = Flaky(*(OSError(i) for i in range(10)))
    with pytest.raises(OSError):
        retry(times=times, backoff=1, sleep=sleeps.append)(fn)()
    assert len(fn.calls) == times
    assert len(sleeps) == times - 1, "sleep only between attempts, never after the last one"


def test_other_exceptions_propagate_at_once():
    sleeps = []
    error = KeyError("not retried")
    fn = Flaky(error, result="too late")
    decorated = retry(times=5, exceptions=(ValueError,), sleep=sleeps.append)(fn)
    with pytest.raises(KeyError) as caught:
        decorated()
    assert caught.value is error
    assert len(fn.calls) == 1
    assert sleeps == []


def test_subclasses_of_the_listed_exceptions_are_retried():
    sleeps = []
    fn = Flaky(KeyError("k"), IndexError("i"), result="found")
    decorated = retry(times=3, exceptions=(LookupError,), sleep=sleeps.append)(fn)
    assert decorated() == "found"
    assert len(fn.calls) == 3


def test_several_exception_types():
    sleeps = []
    fn = Flaky(ValueError(), ConnectionError(), TimeoutError(), result="up")
    decorated = retry(times=4, exceptions=(ValueError, OSError), sleep=sleeps.append)(fn)
    assert decorated() == "up"
    assert len(fn.calls) == 4


def test_base_exceptions_are_not_retried_by_default():
    sleeps = []
    fn = Flaky(Halt("stop"), result="must not run again")
    with pytest.raises(Halt):
        retry(times=3, sleep=sleeps.append)(fn)()
    assert len(fn.calls) == 1, "catch `exceptions` (default: Exception), not BaseException"


def test_backoff_doubles_between_attempts():
    sleeps = []
    fn = Flaky(*(ConnectionError(i) for i in range(10)))
    with pytest.raises(ConnectionError):
        retry(times=4, backoff=0.5, sleep=sleeps.append)(fn)()
    assert all(type(s) in (int, float) for s in sleeps), f"sleep() got {sleeps!r}"
    assert sleeps == pytest.approx([0.5, 1.0, 2.0])


def test_backoff_stops_when_it_succeeds():
    sleeps = []
    fn = Flaky(ConnectionError(), ConnectionError(), result="connected")
    assert retry(times=5, backoff=0.1, sleep=sleeps.append)(fn)() == "connected"
    assert sleeps == pytest.approx([0.1, 0.2])


def test_no_backoff_means_no_waiting():
    sleeps = []
    fn = Flaky(ValueError(), ValueError(), result="ok")
    assert retry(times=3, sleep=sleeps.append)(fn)() == "ok"
    assert len(sleeps) <= 2 and all(s == 0 for s in sleeps), f"backoff=0 but it slept {sleeps!r}"


def test_arguments_and_result_pass_through():
    seen = []

    def connect(host, port, *, timeout):
        seen.append((host, port, timeout))
        if len(seen) < 2:
            raise ConnectionError("refused")
        return {"host": host, "port": port}

    decorated = retry(times=2, sleep=[].append)(connect)
    assert decorated("db", 5432, timeout=3) == {"host": "db", "port": 5432}
    assert seen == [("db", 5432, 3), ("db", 5432, 3)]


def test_every_call_gets_a_fresh_set_of_attempts():
    sleeps = []
    fn = Flaky(ValueError(), ValueError(), None, ValueError(), ValueError(), None)
    decorated = retry(times=3, sleep=sleeps.append)(fn)
    assert decorated() == "ok"
    assert decorated() == "ok", "the second call must get its own 3 attempts"
    assert len(fn.calls) == 6


def test_defaults_are_three_attempts_of_any_exception():
    fn = Flaky(*(RuntimeError(i) for i in range(5)))
    with pytest.raises(RuntimeError) as caught:
        retry()(fn)()  # backoff defaults to 0: nothing to wait for
    assert len(fn.calls) == 3
    assert caught.value is fn.raised[-1]


def test_keeps_the_name_and_docstring():
    def fetch(url):
        """Fetch a URL."""
        return url

    decorated = retry(times=2)(fetch)
    assert decorated.__name__ == "fetch", "use functools.wraps on the wrapper"
    assert decorated.__doc__ == "Fetch a URL."


@pytest.mark.parametrize("times", [0, -1], ids=["zero", "negative"])
def test_times_below_one_is_rejected(times):
    with pytest.raises(ValueError):
        retry(times=times)(Flaky())
