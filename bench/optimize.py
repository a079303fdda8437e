"""coach optimize on generated review logs: time to generate, time to fit, both log-losses.

    python bench/optimize.py                 # 1,000 reviews
    python bench/optimize.py 400 1000 5000   # several sizes

Each size gets a fresh progress file in a temporary COACH_HOME, filled by
tests/practice/reviewlog.py (a learner whose memory is not the default
parameters'), then fitted with fsrs-rs as ``coach optimize`` does. Prints the
figures and the fitted/default log-loss ratio; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.practice.reviewlog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="reviews to generate")
    args = parser.parse_args()
    os.environ["COACH_HOME"] = tempfile.mkdtemp(prefix="coach-bench-optimize-")

    from coach.practice.optimize import fit
    from coach.practice.store import Store
    from tests.practice.reviewlog import generate

    print(f"{'reviews':>8} {'cards':>6} {'predict':>8} {'gen s':>7} {'fit s':>7} "
          f"{'default':>8} {'fitted':>8} {'ratio':>6}  outcome")
    for size in args.sizes:
        path = Path(tempfile.mkdtemp(prefix="coach-bench-")) / "coach.db"
        with Store.open(path) as store:
            start = time.perf_counter()
            generate(store, size)
            generated = time.perf_counter() - start
            start = time.perf_counter()
            result = fit(store)
            fitted = time.perf_counter() - start
            cards = store.conn.execute("SELECT COUNT(DISTINCT card_id) FROM reviews").fetchone()[0]
        default, mine = result.default_loss, result.fitted_loss
        ratio = f"{mine / default:6.3f}" if default and mine else "     -"
        outcome = "adopted" if result.parameters else f"kept: {result.kept}"
        print(f"{result.reviews:>8} {cards:>6} {result.predictions:>8} {generated:>7.2f} {fitted:>7.3f} "
              f"{default or 0:>8.4f} {mine or 0:>8.4f} {ratio}  {outcome}")


if __name__ == "__main__":
    main()
