"""``coach optimize``: fit FSRS parameters to the user's review log, show the log-losses, save."""

from __future__ import annotations

import argparse

from coach import paths, settings
from coach.errors import CoachError


def _save(parameters: list[float] | None) -> None:
    if not settings.save(**{settings.FSRS_PARAMETERS: parameters}):
        raise CoachError(f"cannot write the settings file in {paths.data_dir()}; nothing changed")


def run_optimize(args: argparse.Namespace) -> int:
    if args.reset:
        had = settings.fsrs_parameters() is not None
        if had:
            _save(None)
        print("The scheduler uses the default FSRS parameters." if had
              else "The scheduler already uses the default FSRS parameters.")
        return 0
    from coach.commands.progress import open_store
    from coach.practice.optimize import MIN_REVIEWS, fit

    with open_store() as store:
        result = fit(store)
    if not result.enough:
        have = "no reviews yet" if result.reviews == 0 else f"only {result.reviews} review" + (
            "s" if result.reviews != 1 else "")
        print(f"Fitting your own FSRS parameters needs {MIN_REVIEWS} reviews and you have {have}; "
              "the scheduler keeps the defaults.")
        return 0
    print(f"Fitted FSRS parameters to your {result.reviews} reviews ({result.predictions} of them "
          "on a later day than the card's previous review, the ones a schedule must predict).")
    if result.default_loss is not None:
        print("Log-loss on your history (lower predicts your recall better):")
        rows = [("default parameters", result.default_loss), ("your saved parameters", result.current_loss),
                ("fitted parameters", result.fitted_loss)]
        for name, loss in rows:
            if loss is not None:
                print(f"  {name:<22} {loss:.4f}")
    if result.parameters is None:
        print(f"Kept the parameters in use: {result.kept}.")
        return 0
    _save(list(result.parameters))
    print("Saved: ratings are scheduled with the fitted parameters from now on "
          "('coach optimize --reset' goes back to the defaults).")
    return 0
