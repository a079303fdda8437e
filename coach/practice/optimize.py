"""Personal FSRS parameters, fitted to the user's own review log.

The fitting is fsrs-rs's (the Rust optimizer Anki ships), through its Python
bindings ``fsrs-rs-python``: prebuilt wheels, no torch, nothing downloaded.
(py-fsrs's own optimizer needs torch.) Both speak FSRS-6, 21 parameters, so
the fitted ones go straight into py-fsrs's scheduler.

The log becomes what the optimizer learns from: per card, its reviews as
(rating, days since the previous one, counted in local calendar days); each
review on a later day than the one before is a prediction to get right.
Cram reviews are left out: they do not move the schedule. Log-loss (lower is
better) measures how well a set of parameters predicted the user's recalls;
it is measured on the same history the fit learnt from, so it flatters the
fit a little. Fitted parameters are adopted only when they predict better
than both the defaults and the parameters in use.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from fsrs import Scheduler

from coach import settings
from coach.practice.store import Store

if TYPE_CHECKING:
    from fsrs_rs_python import FSRSItem

MIN_REVIEWS = 400  # fewer reviews than this and fitted parameters mostly fit noise
PARAMETER_COUNT = 21  # FSRS-6, what py-fsrs's Scheduler takes


@dataclass
class Fit:
    """What ``coach optimize`` found. ``parameters`` is set when the fitted ones were adopted."""

    reviews: int  # scheduled reviews in the log
    predictions: int = 0  # reviews on a later day than the card's previous one
    default_loss: float | None = None
    current_loss: float | None = None  # the saved parameters', when the user has some
    fitted_loss: float | None = None
    parameters: tuple[float, ...] | None = None
    kept: str | None = None  # why the fitted parameters were not adopted

    @property
    def enough(self) -> bool:
        return self.reviews >= MIN_REVIEWS


def day_number(ts: float) -> int:
    """The local calendar day of ``ts`` as a number (days between reviews are differences of these)."""
    local = time.localtime(ts)
    return date(local.tm_year, local.tm_mon, local.tm_mday).toordinal()


def histories(log: Sequence[tuple[str, float, int]]) -> list[list[tuple[int, int]]]:
    """Per card, its reviews as (local day number, rating), oldest first (``log`` sorted by card, time)."""
    cards: dict[str, list[tuple[int, int]]] = {}
    for card_id, at, rating in log:
        cards.setdefault(card_id, []).append((day_number(at), rating))
    return list(cards.values())


def sequences(cards: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """What the optimizer learns from: for each review on a later day than the card's previous one,
    the card's history up to it as (rating, days since the review before), the first one 0 days."""
    out = []
    for reviews in cards:
        so_far: list[tuple[int, int]] = []
        previous = reviews[0][0] if reviews else 0
        for day, rating in reviews:
            so_far.append((rating, day - previous))
            if day > previous:
                out.append(list(so_far))
            previous = day
    return out


def to_items(cards: list[list[tuple[int, int]]]) -> list[FSRSItem]:
    """:func:`sequences` as fsrs-rs's training items."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    items = [FSRSItem([FSRSReview(rating, delta) for rating, delta in seq]) for seq in sequences(cards)]
    return [item for item in items if item.long_term_review_cnt() > 0]


def log_loss(parameters: Sequence[float], items: list[FSRSItem]) -> float:
    from fsrs_rs_python import FSRS

    return float(FSRS(list(parameters)).evaluate(items).log_loss)


def fit(store: Store, *, minimum: int = MIN_REVIEWS) -> Fit:
    """Fit parameters to ``store``'s review log; adopt them only when they predict it better."""
    log = store.review_log()
    result = Fit(reviews=len(log))
    if len(log) < minimum:
        result.kept = f"needs {minimum} reviews"
        return result
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    items = to_items(histories(log))
    result.predictions = len(items)
    if not items:
        result.kept = "no card was reviewed again on a later day, so there is nothing to predict yet"
        return result
    result.default_loss = log_loss(DEFAULT_PARAMETERS, items)
    current = settings.fsrs_parameters()
    if current is not None:
        result.current_loss = log_loss(current, items)
    fitted = [float(p) for p in FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)]
    if len(fitted) != PARAMETER_COUNT:
        result.kept = (f"the optimizer gave {len(fitted)} parameters and the scheduler takes "
                       f"{PARAMETER_COUNT} (FSRS-6)")
        return result
    try:
        Scheduler(parameters=fitted)  # py-fsrs checks each parameter against its bounds
    except ValueError as exc:
        result.kept = f"the scheduler refused the fitted parameters ({str(exc).splitlines()[-1]})"
        return result
    result.fitted_loss = log_loss(fitted, items)
    best = min(loss for loss in (result.default_loss, result.current_loss) if loss is not None)
    if result.fitted_loss >= best:
        result.kept = "the fitted parameters predict your history no better than the ones in use"
        return result
    result.parameters = tuple(fitted)
    return result
