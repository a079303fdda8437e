"""Tests for bounded_gather. Each test runs its own event loop with
asyncio.run; the jobs sleep for a few milliseconds at most, except jobs that
are meant to be cancelled long before they finish."""

import asyncio

import pytest

from bounded_gather import bounded_gather

# A solution that never finishes (a Semaphore(0), a job that waits forever)
# fails its test instead of stalling the whole run.
pytestmark = pytest.mark.timeout(2)


class Tracker:
    """Makes jobs that record when they start, finish or are cancelled."""

    def __init__(self, cleanup=0.0):
        self.cleanup = cleanup  # seconds a cancelled job spends cleaning up (awaiting)
        self.running = 0
        self.peak = 0
        self.started = []
        self.finished = []
        self.cancelled = []
        self.made = []

    def job(self, name, delay=0.0, result=None, error=None):
        coro = self._job(name, delay, result, error)
        self.made.append(coro)
        return coro

    async def _job(self, name, delay, result, error):
        self.running += 1
        self.peak = max(self.peak, self.running)
        self.started.append(name)
        try:
            await asyncio.sleep(delay)
            if error is not None:
                raise error
            self.finished.append(name)
            return name if result is None else result
        except asyncio.CancelledError:
            if self.cleanup:
                await asyncio.sleep(self.cleanup)  # say, closing a connection
            self.cancelled.append(name)
            raise
        finally:
            self.running -= 1

    def close_unstarted(self):
        """Close coroutines that never ran, so Python does not warn about them."""
        for coro in self.made:
            coro.close()


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


def check_list(result):
    assert type(result) is list, f"bounded_gather must return a list, got {type(result).__name__}: {result!r}"
    return result


def gather(aws, limit):
    return check_list(arun(bounded_gather(aws, limit)))


def test_results_in_input_order():
    t = Tracker()
    jobs = [t.job("slow", 0.03), t.job("medium", 0.02), t.job("fast", 0.0), t.job("quick", 0.01)]
    assert gather(jobs, 2) == ["slow", "medium", "fast", "quick"]


def test_never_more_than_limit_at_once():
    t = Tracker()
    assert gather([t.job(i, 0.005) for i in range(10)], 3) == list(range(10))
    assert t.peak <= 3, f"{t.peak} jobs ran at once with limit=3"
    assert t.peak == 3, f"only {t.peak} jobs ever ran at once with limit=3 and 10 jobs waiting"


def test_limit_of_one_runs_one_at_a_time():
    t = Tracker()
    assert gather([t.job(i, 0.002) for i in range(5)], 1) == [0, 1, 2, 3, 4]
    assert t.peak == 1


def test_limit_above_the_number_of_jobs():
    t = Tracker()
    assert gather([t.job(i, 0.005) for i in range(3)], 10) == [0, 1, 2]
    assert t.peak == 3


def test_a_free_slot_is_reused_at_once():
    # limit=2: "first" waits until the third job runs. A free slot must be
    # reused as soon as "quick" finishes, not when the whole batch of two is done.
    async def main():
        third_started = asyncio.Event()

        async def first():
            try:
                await asyncio.wait_for(third_started.wait(), 0.5)
            except asyncio.TimeoutError:
                return "the third job did not start while the first was still running"
            return "first"

        async def quick():
            return "quick"

        async def third():
            third_started.set()
            return "third"

        return await bounded_gather([first(), quick(), third()], 2)

    assert check_list(arun(main())) == ["first", "quick", "third"]


def test_empty_input():
    assert gather([], 3) == []


def test_accepts_any_iterable():
    t = Tracker()
    assert gather((t.job(i) for i in range(6)), 2) == [0, 1, 2, 3, 4, 5]


def test_results_of_any_type_are_returned_as_is():
    t = Tracker()
    payload = {"id": 7}
    result = gather([t.job("a", result=payload), t.job("b", result=0), t.job("c", result=False)], 2)
    assert result[0] is payload
    assert result[1:] == [0, False] and type(result[1]) is int and type(result[2]) is bool

    async def nothing():
        return None

    assert gather([nothing(), nothing()], 1) == [None, None]


@pytest.mark.parametrize("limit", [0, -1])
def test_limit_below_one_is_a_value_error(limit):
    t = Tracker()
    try:
        with pytest.raises(ValueError):
            arun(bounded_gather([t.job(1), t.job(2)], limit))
        assert t.started == []
        with pytest.raises(ValueError):
            arun(bounded_gather([], limit))
    finally:
        t.close_unstarted()


def test_exception_propagates_and_cancels_the_others():
    t = Tracker()
    error = KeyError("job failed")

    async def main():
        jobs = [t.job("slow", 1.0), t.job("bad", 0.01, error=error), t.job("late1", 1.0), t.job("late2", 1.0)]
        with pytest.raises(KeyError) as caught:
            await bounded_gather(jobs, 2)
        assert caught.value is error, "the job's own exception must propagate, unwrapped"
        # Checked while the loop still runs: nothing may be left running.
        assert t.running == 0, f"{t.running} job(s) still running after bounded_gather raised"
        assert t.finished == [], f"{t.finished} ran to the end instead of being cancelled"
        assert "slow" in t.cancelled

    try:
        arun(main())
    finally:
        t.close_unstarted()


def test_cancelling_the_caller_cancels_the_jobs():
    t = Tracker()

    async def main():
        task = asyncio.create_task(bounded_gather([t.job(i, 1.0) for i in range(4)], 2))
        while len(t.started) < 2:
            if task.done():  # it raised, or returned without running the jobs
                pytest.fail(f"bounded_gather ended before two jobs started: {task.result()!r}")
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert t.running == 0, f"{t.running} job(s) still running after the caller was cancelled"
        assert sorted(t.cancelled) == [0, 1]
        assert t.finished == []

    try:
        arun(main())
    finally:
        t.close_unstarted()


def test_waits_for_cancelled_jobs_to_finish_cleaning_up():
    # Cancelling a task only asks it to stop; its cleanup (here an await of
    # 20 ms) still has to run. bounded_gather must wait for it before raising.
    t = Tracker(cleanup=0.02)
    error = KeyError("job failed")

    async def main():
        jobs = [t.job("slow", 1.0), t.job("bad", 0.01, error=error), t.job("late", 1.0)]
        with pytest.raises(KeyError):
            await bounded_gather(jobs, 3)
        assert t.running == 0, (
            f"{t.running} cancelled job(s) still cleaning up when bounded_gather raised: "
            "await the cancelled tasks (gather(..., return_exceptions=True)), not a sleep(0)"
        )
        assert sorted(t.cancelled) == ["late", "slow"]

    try:
        arun(main())
    finally:
        t.close_unstarted()


def test_concurrent_calls_have_their_own_limits():
    one, three = Tracker(), Tracker()

    async def main():
        return await asyncio.gather(
            bounded_gather([one.job(i, 0.005) for i in range(4)], 1),
            bounded_gather([three.job(i, 0.005) for i in range(9)], 3),
        )

    first, second = arun(main())
    assert check_list(first) == list(range(4))
    assert check_list(second) == list(range(9))
    assert (one.peak, three.peak) == (1, 3)


def test_many_jobs():
    t = Tracker()
    result = gather([t.job(i) for i in range(2000)], 50)
    assert len(result) == 2000
    wrong = next((i for i, value in enumerate(result) if value != i), None)
    assert wrong is None, f"result {wrong} is {result[wrong]!r}, expected {wrong}"
    assert t.peak == 50
