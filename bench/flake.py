"""Kata determinism: grade each reference solution many times in a row.

    python bench/flake.py                   # every bundled kata, 50 runs each
    python bench/flake.py debounce retry --runs 100 --busy

--busy keeps every core busy with spinning processes while the runs happen,
as a loaded laptop or CI machine would. Prints, per kata, how many runs
passed and the p50 and worst run time; a kata is flaky if any run did not
pass. A benchmark script, not a test: it reports and asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import time

from coach.content.library import load_library
from coach.grading.grader import Grader


def spin() -> None:  # pragma: no cover - runs in a helper process
    while True:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("katas", nargs="*", help="kata names (default: all bundled)")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--busy", action="store_true", help="load every core while grading")
    args = parser.parse_args()
    library = load_library(questions=False, user=False)
    katas = [library.kata(s) for s in args.katas] if args.katas else library.katas
    spinners = []
    if args.busy:
        spinners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(os.cpu_count() or 1)]
        for process in spinners:
            process.start()
    flaky = 0
    try:
        with Grader() as grader:
            for kata in katas:
                grader.prime(kata)  # as the workbench does
                source = kata.solution_path.read_text(encoding="utf-8")
                times, failures = [], []
                for i in range(args.runs):
                    start = time.perf_counter()
                    result = grader.run(kata, source).result()
                    times.append((time.perf_counter() - start) * 1000)
                    if result.status != "pass":
                        first = result.first_failure
                        failures.append(f"run {i + 1}: {result.message or (first.name if first else '?')}")
                flaky += bool(failures)
                mark = "FLAKY" if failures else "ok"
                print(f"{mark:<5} {kata.slug:<24} {args.runs - len(failures):>3}/{args.runs} passed   "
                      f"p50 {statistics.median(times):6.1f} ms   worst {max(times):7.1f} ms", flush=True)
                for line in failures[:3]:
                    print(f"      {line}")
    finally:
        for process in spinners:
            process.terminate()
    load = "with every core busy" if args.busy else "idle"
    print(f"flake: {len(katas) - flaky} of {len(katas)} katas passed {args.runs} runs in a row ({load})")


if __name__ == "__main__":
    main()
