"""Grading latency: the warm grader against a cold `python -m pytest`.

For two_sum and rate_limiter with their reference solutions, measured in one
run on this machine:

- warm: `Grader.run()` through the API, with the spare worker ready (as when
  a user presses ctrl+r after typing for a moment), 30 runs per kata;
- cold pytest: `python -m pytest` on a folder holding the same two files
  (plugin autoload off, so it is pytest alone), 10 runs per kata;
- CLI: `coach check KATA SOLUTION`, one-shot, 10 runs per kata.
- the guard's cost: a CPU-bound reference suite run in a fresh interpreter with
  pytest already imported, with and without coach's audit hook installed
  (an audit hook cannot be removed, so each side has its own process).

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
GUARD_KATAS = ("two_sum", "sliding_window_max", "top_k_frequent")
GUARD_RUNS = 7
# Runs the suite in FOLDER five times in one process and prints the median in ms;
# with "guard", coach's audit hook is installed first, as in a grading worker.
_GUARD_SCRIPT = """
import os, sys, time, statistics
import pytest
folder, mode = sys.argv[1], sys.argv[2]
sys.path.insert(0, folder)
if mode == "guard":
    from coach.grading import guard
    guard.install(os.path.dirname(folder), [])
args = ["-q", "-p", "no:cacheprovider", "-p", "coach.grading.fixtures", "-x", "--no-header", "-s", folder]
samples = []
for _ in range(5):
    for name in [m for m in sys.modules if m.startswith("test_")]:
        del sys.modules[name]
    start = time.perf_counter()
    code = pytest.main(args)
    samples.append((time.perf_counter() - start) * 1000)
    assert code == 0, code
print("MEDIAN", statistics.median(samples))
"""
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

    guard_ratios = []
    guard_rows = []
    for slug in GUARD_KATAS:
        kata = library.kata(slug)
        folder = Path(tempfile.mkdtemp(prefix=f"coach-bench-guard-{slug}-")) / "suite"
        folder.mkdir()
        shutil.copy(kata.test_path, folder)
        shutil.copy(kata.solution_path, folder / f"{kata.module}.py")
        times: dict[str, list[float]] = {"plain": [], "guard": []}
        for _ in range(GUARD_RUNS):
            for mode in ("plain", "guard"):
                out = subprocess.run([sys.executable, "-c", _GUARD_SCRIPT, str(folder), mode],
                                     capture_output=True, text=True, env=env, check=False)
                line = next((ln for ln in out.stdout.splitlines() if ln.startswith("MEDIAN ")), None)
                if line is None:
                    sys.exit(f"guard bench {slug} {mode} failed:\n{out.stdout}{out.stderr}")
                times[mode].append(float(line.split()[1]))
        shutil.rmtree(folder.parent)
        plain, guarded = statistics.median(times["plain"]), statistics.median(times["guard"])
        guard_ratios.append(guarded / plain)
        guard_rows.append((slug, plain, guarded))

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
    for slug, plain, guarded in guard_rows:
        print(f"guard cost {slug:<20} without {plain:7.1f} ms  with {guarded:7.1f} ms  = {guarded / plain:.2f}x")
    print(f"guard cost: {statistics.median(guard_ratios):.2f}x median over {len(guard_rows)} suites (target <= 1.3x)")


if __name__ == "__main__":
    main()
