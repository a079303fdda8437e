"""Tests for process_all. Workers sleep for a few milliseconds at most; a
threading.Barrier proves that several of them run at the same time."""

import threading
import time

import pytest

from producer_consumer import process_all

# A consumer that never stops (a lost sentinel, a dead thread) fails its test
# instead of stalling the whole run.
pytestmark = pytest.mark.timeout(3)


@pytest.fixture(autouse=True)
def one_line_thread_errors(monkeypatch):
    # A worker thread that dies prints one line instead of a full traceback.
    def hook(args):
        print(f"a thread died: {args.exc_type.__name__}: {args.exc_value}")

    monkeypatch.setattr(threading, "excepthook", hook)


def run(items, worker, **options):
    """process_all(...), checking that no thread it started is still alive."""
    before = set(threading.enumerate())
    try:
        return process_all(items, worker, **options)
    finally:
        left = [t for t in threading.enumerate() if t not in before]
        assert not left, f"process_all left {len(left)} thread(s) running: {left}"


def check_list(result, length):
    assert type(result) is list, f"process_all must return a list, got {type(result).__name__}: {result!r}"
    assert len(result) == length, f"expected {length} results, got {len(result)}: {result!r}"
    return result


class Recorder:
    """A worker that records which thread ran it and how many ran at once."""

    def __init__(self, fn=lambda x: x, delay=0.0):
        self.fn = fn
        self.delay = delay
        self.lock = threading.Lock()
        self.items = []
        self.threads = set()
        self.running = 0
        self.peak = 0

    def __call__(self, item):
        with self.lock:
            self.items.append(item)
            self.threads.add(threading.current_thread())
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            if self.delay:
                time.sleep(self.delay)
            return self.fn(item)
        finally:
            with self.lock:
                self.running -= 1


def test_results_in_input_order():
    def slow_square(x):
        time.sleep((20 - x) * 0.0005)  # early items take longest, so they finish last
        return x * x

    assert check_list(run(range(20), slow_square, workers=4), 20) == [x * x for x in range(20)]


def test_each_item_is_processed_exactly_once():
    worker = Recorder(lambda x: -x)
    items = list(range(200))
    assert check_list(run(items, worker, workers=5), 200) == [-x for x in items]
    assert sorted(worker.items) == items


def test_duplicate_items_are_each_processed():
    worker = Recorder(str)
    assert check_list(run([7, 7, 7, 1], worker, workers=2), 4) == ["7", "7", "7", "1"]
    assert len(worker.items) == 4


def test_none_and_unhashable_items():
    items = [None, [1, 2], {"a": 1}, None, 0]
    assert check_list(run(items, repr, workers=2), 5) == ["None", "[1, 2]", "{'a': 1}", "None", "0"]


def test_none_results_are_kept():
    assert check_list(run([1, 2, 3], lambda x: None, workers=2), 3) == [None, None, None]


def test_empty_input():
    assert check_list(run([], Recorder()), 0) == []


def test_accepts_any_iterable():
    assert check_list(run((x + 1 for x in range(10)), lambda x: x * 2, workers=3), 10) == list(range(2, 22, 2))


def test_one_worker():
    worker = Recorder(lambda x: x + 100)
    assert check_list(run(range(10), worker, workers=1), 10) == list(range(100, 110))
    assert len(worker.threads) == 1
    assert worker.peak == 1


def test_more_workers_than_items():
    assert check_list(run(["a", "b"], str.upper, workers=8), 2) == ["A", "B"]


def test_calls_run_in_worker_threads():
    worker = Recorder()
    run(range(12), worker, workers=3)
    assert threading.main_thread() not in worker.threads, "worker must run in the consumer threads"
    assert threading.current_thread() not in worker.threads


def test_workers_run_at_the_same_time():
    together = threading.Barrier(3, timeout=1)

    def meet(item):
        together.wait()  # returns only when three calls are in progress at once
        return item

    try:
        result = run(["a", "b", "c"], meet, workers=3)
    except threading.BrokenBarrierError:
        pytest.fail("three workers never ran at the same time with workers=3")
    assert check_list(result, 3) == ["a", "b", "c"]


def test_four_workers_by_default():
    together = threading.Barrier(4, timeout=1)

    def meet(item):
        together.wait()
        return item

    try:
        result = run(range(4), meet)
    except threading.BrokenBarrierError:
        pytest.fail("four workers never ran at the same time with the default workers=4")
    assert check_list(result, 4) == [0, 1, 2, 3]

    worker = Recorder(delay=0.001)
    run(range(40), worker)
    assert len(worker.threads) <= 4, f"the default is 4 workers, but {len(worker.threads)} threads ran worker"


def test_never_more_than_workers_threads():
    worker = Recorder(delay=0.002)
    assert check_list(run(range(30), worker, workers=3), 30) == list(range(30))
    assert len(worker.threads) <= 3, f"{len(worker.threads)} threads ran worker with workers=3"
    assert worker.peak <= 3


@pytest.mark.parametrize("workers", [1, 3])
def test_worker_error_is_raised_after_all_items(workers):
    error = ValueError("item 5 is bad")
    worker = Recorder()

    def fails_on_five(x):
        worker(x)
        if x == 5:
            raise error
        return x

    with pytest.raises(ValueError) as caught:
        run(range(10), fails_on_five, workers=workers)
    assert caught.value is error, "raise the worker's own exception"
    assert sorted(worker.items) == list(range(10)), "every item must still be processed after a failure"


def test_first_failing_item_in_input_order_wins():
    errors = {2: KeyError("item 2"), 6: KeyError("item 6")}

    def worker(x):
        if x == 2:
            time.sleep(0.03)  # item 6 fails first in time, but item 2 comes first
        if x in errors:
            raise errors[x]
        return x

    with pytest.raises(KeyError) as caught:
        run(range(8), worker, workers=4)
    assert caught.value is errors[2]


def test_error_while_reading_items_still_stops_the_threads():
    def items():
        yield 1
        yield 2
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        run(items(), lambda x: x, workers=3)


@pytest.mark.parametrize("workers", [0, -1])
def test_workers_below_one_is_a_value_error(workers):
    worker = Recorder()
    with pytest.raises(ValueError):
        run([1, 2], worker, workers=workers)
    assert worker.items == []


def test_many_items():
    result = check_list(run(range(3000), lambda x: x * 7, workers=6), 3000)
    wrong = next((i for i, value in enumerate(result) if value != i * 7), None)
    assert wrong is None, f"result {wrong} is {result[wrong]!r}, expected {wrong * 7}"
