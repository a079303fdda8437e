"""Tests for Timer and timed. `clock` is coach's fake clock: time stands still
until the test advances it, and time.perf_counter() reads it."""

import inspect
import time

import pytest

import timer as solution
from timer import Timer, timed


WALL_CLOCKS = ("time", "monotonic", "time_ns", "monotonic_ns")


@pytest.fixture
def perf_clock(request, monkeypatch):
    """The fake clock, with time.time() and time.monotonic() out of bounds."""
    real = [getattr(time, name) for name in WALL_CLOCKS]
    imported = [name for name, value in vars(solution).items()  # from time import time
                if any(value is function for function in real)]
    clock = request.getfixturevalue("clock")

    def wrong_clock(*args):
        raise AssertionError("measure durations with time.perf_counter(), "
                             "not time.time() or time.monotonic()")

    for name in WALL_CLOCKS:
        monkeypatch.setattr(time, name, wrong_clock)
    for name in imported:
        monkeypatch.setattr(solution, name, wrong_clock)
    return clock


def seconds(value, expected):
    assert type(value) is float, f"elapsed must be a float number of seconds, got {value!r}"
    assert value == pytest.approx(expected)


# -- Timer ---------------------------------------------------------------------

def test_timer_measures_the_block(clock):
    with Timer() as t:
        clock.advance(1.5)
    seconds(t.elapsed, 1.5)


def test_with_gives_back_the_timer(clock):
    timer = Timer()
    with timer as t:
        pass
    assert t is timer, "__enter__ must return self"


def test_elapsed_is_none_until_the_block_ends(clock):
    t = Timer()
    assert t.elapsed is None
    with t:
        assert t.elapsed is None
        clock.advance(0.25)
    seconds(t.elapsed, 0.25)


def test_timing_starts_when_the_block_starts(clock):
    t = Timer()
    clock.advance(5)  # before the block: not counted
    with t:
        clock.advance(1)
    seconds(t.elapsed, 1.0)


def test_time_after_the_block_is_not_counted(clock):
    with Timer() as t:
        clock.advance(1)
    clock.advance(10)
    seconds(t.elapsed, 1.0)


def test_exception_propagates_and_elapsed_is_set(clock):
    error = KeyError("boom")
    with pytest.raises(KeyError) as caught:
        with Timer() as t:
            clock.advance(2)
            raise error
    assert caught.value is error, "the block's exception must come out unchanged"
    seconds(t.elapsed, 2.0)


def test_a_timer_can_be_reused(clock):
    t = Timer()
    with t:
        clock.advance(1)
    with t:
        clock.advance(3)
    seconds(t.elapsed, 3.0)


def test_nested_timers_are_independent(clock):
    with Timer() as outer:
        clock.advance(1)
        with Timer() as inner:
            clock.advance(0.5)
        clock.advance(2)
    seconds(inner.elapsed, 0.5)
    seconds(outer.elapsed, 3.5)


def test_timer_reads_perf_counter(perf_clock):
    with Timer() as t:
        perf_clock.advance(0.125)
    seconds(t.elapsed, 0.125)


# -- timed() -------------------------------------------------------------------

def test_timed_measures_the_block(clock):
    with timed() as t:
        assert t.elapsed is None
        clock.advance(0.75)
    seconds(t.elapsed, 0.75)


def test_timed_sets_elapsed_when_the_block_raises(clock):
    error = ValueError("bad input")
    with pytest.raises(ValueError) as caught:
        with timed() as t:
            clock.advance(2)
            raise error
    assert caught.value is error, "the block's exception must come out unchanged"
    seconds(t.elapsed, 2.0)


def test_timed_reports_to_a_callback(clock):
    reports = []
    with timed(reports.append):
        clock.advance(0.5)
    assert len(reports) == 1, f"report() must be called once, got {reports!r}"
    seconds(reports[0], 0.5)
    with timed(report=reports.append):
        clock.advance(1)
    seconds(reports[1], 1.0)


def test_timed_reports_when_the_block_raises(clock):
    reports = []
    with pytest.raises(RuntimeError):
        with timed(reports.append):
            clock.advance(4)
            raise RuntimeError("failed requests need timing too")
    assert len(reports) == 1
    seconds(reports[0], 4.0)


def test_nested_timed_blocks_are_independent(clock):
    with timed() as outer:
        clock.advance(1)
        with timed() as inner:
            clock.advance(2)
    assert inner is not outer
    seconds(inner.elapsed, 2.0)
    seconds(outer.elapsed, 3.0)


def test_timed_reads_perf_counter(perf_clock):
    reports = []
    with timed(reports.append) as t:
        perf_clock.advance(0.375)
    seconds(t.elapsed, 0.375)
    seconds(reports[0], 0.375)


def test_timed_is_a_generator_based_context_manager():
    generator = getattr(timed, "__wrapped__", None)
    assert inspect.isgeneratorfunction(generator), (
        "write timed() as a generator function decorated with @contextlib.contextmanager"
    )
