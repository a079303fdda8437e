"""Tests for debounce. They run in real time with short waits: a debounced
function runs later, on a timer thread, once the calls have stopped."""

from time import monotonic, sleep

from debounce import debounce

DEADLINE = 2.0  # seconds to wait for a timer thread before giving up
EARLY = 0.005   # timers may wake a hair early; anything more is a bug


class Recorder:
    """Stands in for the debounced function: records each run and its time."""

    def __init__(self):
        self.runs = []   # (args, kwargs) of each run, in order
        self.times = []  # monotonic() at each run

    def __call__(self, *args, **kwargs):
        self.times.append(monotonic())
        self.runs.append((args, kwargs))
        return "result"


def wait_for_runs(*recorders, count=1):
    """Poll until every recorder has run `count` times, or the deadline passes."""
    end = monotonic() + DEADLINE
    while any(len(r.runs) < count for r in recorders) and monotonic() < end:
        sleep(0.005)


def test_a_call_returns_none_and_runs_nothing_yet():
    fn = Recorder()
    debounced = debounce(0.3)(fn)
    assert debounced("a") is None, "a debounced call returns None: the function has not run yet"
    assert debounced("b") is None
    assert fn.runs == [], "the function ran during the wait; a debounce runs only after the calls stop"


def test_runs_after_the_wait_with_the_call_arguments():
    fn = Recorder()
    debounced = debounce(0.05)(fn)
    called = monotonic()
    debounced(1, 2, key="value")
    wait_for_runs(fn)
    assert fn.runs == [((1, 2), {"key": "value"})]
    assert fn.times[0] - called >= 0.05 - EARLY, "the function ran before `wait` seconds had passed"


def test_a_burst_runs_once_with_the_last_arguments():
    fn = Recorder()
    debounced = debounce(0.2)(fn)
    for i in range(5):
        debounced(i)
        sleep(0.02)  # each call comes well inside the previous call's wait
    last = monotonic()
    debounced("last", flag=True)
    wait_for_runs(fn)
    sleep(0.05)  # room for a second, wrong run to show up
    assert fn.runs == [(("last",), {"flag": True})], "expected exactly one run, with the last call's arguments"
    assert fn.times[0] - last >= 0.2 - EARLY, (
        "the function ran less than `wait` seconds after the last call: "
        "each call must restart the timer"
    )


def test_a_burst_of_identical_calls_runs_once_and_only_once():
    fn = Recorder()
    debounced = debounce(0.05)(fn)
    for _ in range(20):  # back to back, well inside one wait
        debounced("same")
    wait_for_runs(fn)
    sleep(0.2)  # four more waits: a second run, or a run per call, would show by now
    assert fn.runs == [(("same",), {})], (
        f"expected one run after the burst, got {len(fn.runs)}: each call must cancel the pending "
        "run, and a run must not repeat"
    )


def test_runs_again_after_a_quiet_period():
    fn = Recorder()
    debounced = debounce(0.05)(fn)
    debounced("first")
    wait_for_runs(fn)
    debounced("second")
    wait_for_runs(fn, count=2)
    assert fn.runs == [(("first",), {}), (("second",), {})]


def test_functions_are_debounced_independently():
    first, second = Recorder(), Recorder()
    decorate = debounce(0.05)
    f, g = decorate(first), decorate(second)
    f("f")
    g("g")  # must not cancel f's pending run
    wait_for_runs(first, second)
    assert first.runs == [(("f",), {})]
    assert second.runs == [(("g",), {})]


def test_keeps_the_name_and_docstring():
    def save(doc):
        """Save the document."""

    debounced = debounce(0.05)(save)
    assert debounced.__name__ == "save", "use functools.wraps on the wrapper"
    assert debounced.__doc__ == "Save the document."
