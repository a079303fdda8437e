"""Fitting how running time grows with n, from a few timed sizes.

Pure arithmetic, no processes: :mod:`coach.grading.growth` measures, this
module decides. The slope of log(time) against log(n) over
the largest sizes measured (the median of pairwise slopes, robust to one
odd point), is compared with each model's own slope over the
same sizes (n log n's slope is a little above 1), and the nearest model wins.
Models come in tiers (1 and log n; n and n log n; n²; n³): telling n from
n log n apart takes more precision than a loaded machine gives, so a solution
is called worse than the reference only when its tier is higher *and* its
slope is clearly steeper (:data:`MARGIN`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

REFERENCE_MODULE = "coach_growth_reference"  # the reference's module name in the measuring sandbox
MIN_SECONDS = 0.001  # a point timed over less than this is noise, not growth
MIN_CALL = 1e-7  # seconds per call below which a point is the call's own overhead
MARGIN = 0.45  # how much steeper (in log-log slope) a curve must be to be called worse
FIT_POINTS = 6  # the largest sizes used for the fit
SIMPLER = 0.05  # slope handicap of log n and n log n against 1 and n


@dataclass(frozen=True)
class Model:
    label: str  # as shown: "n²"
    ascii: str  # for terminals without Unicode: "n^2"
    tier: int

    def value(self, n: float) -> float:
        log = math.log(max(n, 2.0))
        return {"1": 1.0, "log n": log, "n": n, "n log n": n * log, "n²": n * n, "n³": n ** 3}[self.label]


MODELS = (
    Model("1", "1", 0),
    Model("log n", "log n", 0),
    Model("n", "n", 1),
    Model("n log n", "n log n", 1),
    Model("n²", "n^2", 2),
    Model("n³", "n^3", 3),
)


@dataclass(frozen=True)
class Point:
    n: int
    seconds: float  # one call, the least of the rounds timed
    measured: float  # seconds of timing behind it (several calls when one is short)


@dataclass(frozen=True)
class Fit:
    model: Model
    slope: float  # log-log slope over the fitted points
    points: int  # how many points the fit used


def slope(points: list[Point]) -> float:
    """The median of the pairwise slopes of log(seconds) against log(n) (Theil-Sen):
    one size that happens to cross a cache boundary, or one round a busy machine
    slowed, moves it far less than it moves a least-squares line."""
    logs = [(math.log(p.n), math.log(max(p.seconds, 1e-12))) for p in points]
    pairs = sorted((y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(logs) for x2, y2 in logs[i + 1:] if x2 != x1)
    if not pairs:
        return 0.0
    middle = len(pairs) // 2
    return pairs[middle] if len(pairs) % 2 else (pairs[middle - 1] + pairs[middle]) / 2


def usable(points: list[Point] | tuple[Point, ...]) -> list[Point]:
    """The points timed long enough to mean something, largest sizes last."""
    return sorted((p for p in points if p.measured >= MIN_SECONDS and p.seconds >= MIN_CALL), key=lambda p: p.n)


def fit(points: list[Point] | tuple[Point, ...]) -> Fit | None:
    """The model nearest the measured slope, or None with too little to go on
    (fewer than two usable points, or sizes spanning less than a factor of 2)."""
    good = usable(points)[-FIT_POINTS:]
    if len(good) < 2 or good[-1].n < 2 * good[0].n:
        return None
    measured = slope(good)
    # Within a tier the simpler model wins ties: a hash map's cache misses at larger
    # sizes steepen its slope a little, which is not n log n.
    best = min(MODELS, key=lambda m: abs(measured - _model_slope(m, good)) + (SIMPLER if m.label in
                                                                             ("log n", "n log n") else 0.0))
    return Fit(best, measured, len(good))


def _model_slope(model: Model, points: list[Point]) -> float:
    return slope([Point(p.n, model.value(p.n), 1.0) for p in points])


def is_worse(solution: Fit, reference: Fit) -> bool:
    """Whether the solution clearly grows faster than the reference."""
    return solution.model.tier > reference.model.tier and solution.slope - reference.slope >= MARGIN


def estimate(points: list[Point] | tuple[Point, ...], n: int, fitted: Fit | None) -> tuple[float, bool] | None:
    """Seconds for one call at ``n``: measured (True) when a point is there, else
    extrapolated (False) from the largest usable point along the fitted slope."""
    for point in points:
        if point.n == n:
            return point.seconds, True
    good = usable(points)
    if not good:
        return None
    below = [p for p in good if p.n <= n]
    base = below[-1] if below else good[0]
    if fitted is None:
        return None
    return base.seconds * (n / base.n) ** max(fitted.slope, 0.0), False


def seconds_text(seconds: float) -> str:
    if seconds >= 100:
        return f"{seconds:,.0f} s"
    if seconds >= 1:
        return f"{seconds:.1f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1_000_000:.0f} µs"


def sizes(start: int, n: int, largest: int) -> list[int]:
    """Halvings of n down to ``start``, n itself, then doublings up to ``largest``."""
    below = []
    size = n
    while size // 2 >= start:
        size //= 2
        below.append(size)
    above = []
    size = n
    while size * 2 <= largest:
        size *= 2
        above.append(size)
    return [*reversed(below), n, *above]
