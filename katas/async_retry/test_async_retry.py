"""Tests for call_with_retry. Each test runs its own event loop with
asyncio.run. Timeouts are a few hundredths of a second; an attempt meant to
time out sleeps for ten seconds and must be cancelled."""

import asyncio

import pytest

from async_retry import call_with_retry

# A retry loop that never ends fails its test instead of stalling the run.
pytestmark = pytest.mark.timeout(2)

SHORT = 0.05  # the timeout used where an attempt is meant to time out


class Hang:
    """An outcome for Script: sleep far past any timeout used here."""


class Script:
    """An async callable that plays one outcome per call: a value to return,
    an exception to raise, or HANG. It records calls and cancellations."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = 0
        self.cancelled = 0
        self.running = 0
        self.at_return = None  # (cancelled, running) when call_with_retry returned
        self.hanging = asyncio.Event()  # set while an attempt hangs

    async def __call__(self):
        outcome = self.outcomes[min(self.calls, len(self.outcomes) - 1)]
        self.calls += 1
        await asyncio.sleep(0)  # a real attempt suspends at least once
        if outcome is HANG:
            self.hanging.set()
            self.running += 1
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                self.cancelled += 1
                raise
            finally:
                self.running -= 1
                self.hanging.clear()
            return "finished the hanging attempt"
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


HANG = Hang()


def quiet(loop, context):
    # Report what asyncio complains about (say, a task whose exception was
    # never retrieved) in one line. The default handler logs a full traceback,
    # and on Python 3.11.7 and older, formatting one while the garbage
    # collector runs inside pytest's own traceback formatting can crash pytest
    # (CPython gh-106905).
    print(f"asyncio: {context.get('message')} {context.get('exception')!r}")


def arun(coro):
    """asyncio.run(coro), with asyncio's error reports kept to one line."""
    async def main():
        asyncio.get_running_loop().set_exception_handler(quiet)
        return await coro

    return asyncio.run(main())


def run(script, **options):
    async def main():
        try:
            return await call_with_retry(script, **options)
        finally:  # still inside the event loop, which cancels leftovers when it closes
            script.at_return = (script.cancelled, script.running)

    return arun(main())


def test_returns_the_first_success():
    payload = {"user": 1}
    script = Script(payload)
    assert run(script) is payload
    assert script.calls == 1


def test_returns_none_results():
    script = Script(None)
    assert run(script) is None
    assert script.calls == 1


def test_works_with_a_plain_async_function():
    calls = []

    async def fetch():
        calls.append(1)
        if len(calls) < 3:
            raise ConnectionError("try again")
        return 42

    assert arun(call_with_retry(fetch)) == 42
    assert len(calls) == 3


def test_retries_until_success():
    script = Script(ConnectionError("1"), ConnectionError("2"), "ok")
    assert run(script, attempts=3) == "ok"
    assert script.calls == 3


@pytest.mark.parametrize("attempts", [1, 2, 5])
def test_gives_up_after_attempts_and_raises_the_last_error(attempts):
    errors = [ConnectionError(f"attempt {n}") for n in range(1, attempts + 2)]
    script = Script(*errors)
    with pytest.raises(ConnectionError) as caught:
        run(script, attempts=attempts)
    assert script.calls == attempts
    assert caught.value is errors[attempts - 1], f"expected the last error, got {caught.value!r}"


def test_three_attempts_by_default():
    script = Script(*[ConnectionError(n) for n in range(5)])
    with pytest.raises(ConnectionError):
        run(script)
    assert script.calls == 3


def test_other_errors_propagate_at_once():
    error = ValueError("bad request")
    script = Script(error, "ok")
    with pytest.raises(ValueError) as caught:
        run(script)
    assert caught.value is error
    assert script.calls == 1


def test_subclasses_of_retry_on_are_retried():
    script = Script(ConnectionResetError("reset"), ConnectionRefusedError("refused"), "ok")
    assert run(script) == "ok"
    assert script.calls == 3


def test_retry_on_replaces_the_default():
    script = Script(KeyError("a"), LookupError("b"), "ok")
    assert run(script, retry_on=(LookupError,)) == "ok"
    assert script.calls == 3

    error = ConnectionError("not listed any more")
    script = Script(error, "ok")
    with pytest.raises(ConnectionError) as caught:
        run(script, retry_on=(LookupError,))
    assert caught.value is error
    assert script.calls == 1


def test_retry_on_may_list_several_classes():
    script = Script(KeyError("a"), OSError("b"), ConnectionError("c"), "ok")
    assert run(script, attempts=4, retry_on=(KeyError, OSError)) == "ok"
    assert script.calls == 4


@pytest.mark.parametrize("retry_on", [(ConnectionError,), ()], ids=["default", "empty retry_on"])
def test_slow_attempt_is_cancelled_and_retried(retry_on):
    script = Script(HANG, "ok")
    assert run(script, timeout=SHORT, retry_on=retry_on) == "ok"
    assert script.calls == 2
    assert script.at_return == (1, 0), "an attempt that timed out must be cancelled before the next starts"


def test_each_attempt_gets_the_full_timeout():
    script = Script(HANG, HANG, "ok")
    assert run(script, timeout=SHORT) == "ok"
    assert script.calls == 3


def test_every_attempt_times_out():
    script = Script(HANG)
    with pytest.raises(TimeoutError):
        run(script, attempts=3, timeout=SHORT)
    assert script.calls == 3
    assert script.at_return == (3, 0), "every attempt that timed out must be cancelled"


def test_the_last_error_wins_after_mixed_failures():
    last = ConnectionError("last")
    script = Script(HANG, ConnectionError("first"), last, "never")
    with pytest.raises(ConnectionError) as caught:
        run(script, timeout=SHORT)
    assert caught.value is last

    script = Script(ConnectionError("first"), ConnectionError("second"), HANG)
    with pytest.raises(TimeoutError):
        run(script, timeout=SHORT)
    assert script.calls == 3


@pytest.mark.parametrize(
    "retry_on",
    [(ConnectionError,), (BaseException,), (asyncio.CancelledError,)],
    ids=["default", "BaseException", "CancelledError"],
)
def test_a_cancelled_caller_stays_cancelled(retry_on):
    script = Script(HANG, "ok", "ok")

    async def main():
        task = asyncio.create_task(call_with_retry(script, timeout=1.0, retry_on=retry_on))
        hanging = asyncio.create_task(script.hanging.wait())
        await asyncio.wait([task, hanging], timeout=1, return_when=asyncio.FIRST_COMPLETED)
        hanging.cancel()
        if task.done():  # result() raises what call_with_retry raised
            pytest.fail(f"call_with_retry ended before its first attempt could hang: {task.result()!r}")
        assert script.hanging.is_set(), "the first attempt never started"
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            result = await task
            pytest.fail(f"the cancellation was swallowed; call_with_retry returned {result!r}")
        assert script.calls == 1, "a cancellation must never be retried"
        assert (script.cancelled, script.running) == (1, 0), "the running attempt must be cancelled"

    arun(main())


@pytest.mark.parametrize("attempts", [0, -1])
def test_attempts_below_one_is_a_value_error(attempts):
    script = Script("ok")
    with pytest.raises(ValueError):
        run(script, attempts=attempts)
    assert script.calls == 0
