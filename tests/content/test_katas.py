"""The bundled katas: enough of them, well formed, and their suites tell right from wrong."""

from __future__ import annotations

import pytest

from coach.commands.selfcheck import check_katas
from coach.content.library import load_library
from coach.grading.grader import Grader

GUIDE_TWO_SUM = """\
def two_sum(nums, target):
    d = {}
    for i, n in enumerate(nums):
        if target - n in d:
            return [d[target-n], i]
        d[n] = i
"""

GUIDE_RATE_LIMITER = """\
import time
from collections import deque

class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.q = deque()

    def allow(self):
        now = time.time()
        while self.q and self.q[0] < now - self.window:
            self.q.popleft()
        if len(self.q) < self.limit:
            self.q.append(now)
            return True
        return False
"""

GUIDE_DEBOUNCE = """\
import time

def debounce(wait):
    def decorator(fn):
        last = 0
        def wrapper(*args):
            nonlocal last
            now = time.time()
            if now - last > wait:
                last = now
                return fn(*args)
        return wrapper
    return decorator
"""


@pytest.fixture(scope="module")
def library():
    lib = load_library(user=False, deep=True, questions=False)
    assert lib.problems == [], "\n".join(map(str, lib.problems))
    return lib


def test_at_least_24_katas(library):
    assert len(library.katas) >= 24


def test_every_kata_is_complete(library):
    for kata in library.katas:
        assert kata.difficulty in ("easy", "medium", "hard")
        assert kata.topics, kata.slug
        assert len(kata.hints) >= 2, f"{kata.slug}: at least two progressive hints"
        readme = kata.readme()
        assert "## Interview notes" in readme, f"{kata.slug}: the README has interview notes"
        assert "```" in readme, f"{kata.slug}: the README shows examples"


SHARDS = 4  # the suite runs on several processes (pytest-xdist): each shard is a quarter of the katas


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_starter_fails_every_mutant_fails_and_every_solution_passes(library, shard):
    katas = library.katas[shard::SHARDS]
    problems = {c.kata.slug: c.problems for c in check_katas(katas) if c.problems}
    assert problems == {}


@pytest.mark.parametrize(
    ("slug", "source", "status"),
    [("two_sum", GUIDE_TWO_SUM, "pass"), ("rate_limiter", GUIDE_RATE_LIMITER, "pass"),
     ("throttle", GUIDE_DEBOUNCE, "pass"), ("debounce", GUIDE_DEBOUNCE, "fail"),
     # `last = 0` is right with time.time() (decades after 0) and wrong with
     # time.monotonic(), which starts near zero when the machine boots.
     ("throttle", GUIDE_DEBOUNCE.replace("time.time()", "time.monotonic()"), "fail")],
)
def test_the_guides_own_code(library, slug, source, status):
    with Grader(keep_warm=False) as grader:
        result = grader.grade(library.kata(slug), source)
    assert result.status == status, (result.message, result.first_failure)


@pytest.mark.parametrize("clock_call", [
    "import time\n\ndef read_clock():\n    return time.time()\n",
    "import time\n\ndef read_clock():\n    return time.monotonic()\n",
    "from time import time as read_clock\n",
    "from time import monotonic\n\ndef read_clock():\n    return monotonic()\n",
])
def test_time_dependent_katas_accept_any_clock(library, clock_call):
    """Whichever clock a solution reads, the suites control it."""
    source = clock_call + GUIDE_RATE_LIMITER.replace("import time\n", "").replace("time.time()", "read_clock()")
    with Grader(keep_warm=False) as grader:
        result = grader.grade(library.kata("rate_limiter"), source)
    assert result.status == "pass", (result.message, result.first_failure)


def test_the_fake_clock_reads_like_a_real_machine():
    from coach.grading.fixtures import EPOCH, FakeClock

    clock = FakeClock()
    assert clock.time() == EPOCH  # wall clock: 2026
    assert 0 < clock.monotonic() < 1  # monotonic and perf_counter: just after a boot
    clock.advance(2.5)
    assert clock.time() == EPOCH + 2.5
    assert clock.monotonic() == clock.fakes()["perf_counter"]() < 3.5
    assert clock.monotonic_ns() == round(clock.monotonic() * 1e9)
