"""Grading latency: the warm grader against a cold `python -m pytest`.

For two_sum and rate_limiter with their reference solutions, measured in one
run on this machine:

- warm: `Grader.run()` through the API, with the spare worker ready (as when
  a user presses ctrl+r after typing for a moment), 30 runs per kata;
- cold pytest: `python -m pytest` on a folder holding the same two files
  (plugin autoload off, so it is pytest alone), 10 runs per kata;
- CLI: `coach check KATA SOLUTION`, one-shot, 10 runs per kata.

A benchmark, not a test: it prints figures and ratios and asserts nothing.

    python bench/grading.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.content.library import load_library
from coach.grading.grader import Grader

KATAS = ("two_sum", "rate_limiter")
WARM_RUNS = 30
COLD_RUNS = 10


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(cmd: list[str], **kw) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    library = load_library(questions=False)
    warm: dict[str, list[float]] = {}
    cold: dict[str, list[float]] = {}
    cli: dict[str, list[float]] = {}
    with Grader() as grader:
        for slug in KATAS:
            kata = library.kata(slug)
            grader.prime(kata)  # as the workbench does when it opens a kata
            source = kata.solution_path.read_text()
            samples = []
            for _ in range(WARM_RUNS):
                grader.wait_ready()
                time.sleep(0.05)  # let the spare settle, as between key presses
                start = time.perf_counter()
                result = grader.run(kata, source).result()
                samples.append((time.perf_counter() - start) * 1000)
                if result.status != "pass":
                    sys.exit(f"{slug}: reference solution did not pass: {result.message}")
            warm[slug] = samples

    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    for slug in KATAS:
        kata = library.kata(slug)
        folder = Path(tempfile.mkdtemp(prefix=f"coach-bench-{slug}-"))
        shutil.copy(kata.test_path, folder)
        shutil.copy(kata.solution_path, folder / f"{kata.module}.py")
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "coach.grading.fixtures"]
        cold[slug] = [timed(cmd, cwd=folder, env=env) for _ in range(COLD_RUNS)]
        shutil.rmtree(folder)
        check = [sys.executable, "-m", "coach", "check", slug, str(kata.solution_path)]
        cli[slug] = [timed(check) for _ in range(COLD_RUNS)]

    print(f"{'kata':<14} {'warm p50':>9} {'warm p95':>9} {'cold pytest p50':>16} {'coach check p50':>16}")
    for slug in KATAS:
        print(f"{slug:<14} {pct(warm[slug], .5):7.1f}ms {pct(warm[slug], .95):7.1f}ms "
              f"{pct(cold[slug], .5):14.1f}ms {pct(cli[slug], .5):14.1f}ms")
    all_warm = [x for s in warm.values() for x in s]
    all_cold = [x for s in cold.values() for x in s]
    all_cli = [x for s in cli.values() for x in s]
    warm_p50, cold_p50, cli_p50 = (statistics.median(x) for x in (all_warm, all_cold, all_cli))
    print(f"warm p95 {pct(all_warm, .95):.1f} ms; coach check p50 {cli_p50:.1f} ms = "
          f"{cli_p50 / cold_p50:.2f}x cold pytest (target <= 1.2x)")
    print(f"grading: warm p50 {warm_p50:.1f} ms, cold pytest p50 {cold_p50:.1f} ms, "
          f"speedup {cold_p50 / warm_p50:.1f}x")


if __name__ == "__main__":
    main()
