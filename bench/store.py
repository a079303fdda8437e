"""Progress store at scale: 10,000 cards and 100,000 review logs.

Prints the time to serve the next due card (building the drill queue and
taking its head) and the time of `coach stats`, both in-process and through
the real CLI, p50 over several runs. Targets: next due card <= 20 ms,
`coach stats` <= 500 ms. A benchmark, not a test: figures only.

    python bench/store.py
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fsrs import Scheduler

from coach.content.library import load_library
from coach.practice.queue import QuestionSet
from coach.practice.scheduler import Drill
from coach.practice.stats import compute
from coach.practice.store import Store

CARDS = 10_000
REVIEWS = 100_000
TOPICS = 20
DAY = 86_400


def write_deck(folder: Path) -> None:
    folder.mkdir(parents=True)
    per_topic = CARDS // TOPICS
    for t in range(TOPICS):
        lines = [f"topic: bench-{t}", f"title: Bench topic {t}", "questions:"]
        for i in range(per_topic):
            n = t * per_topic + i
            lines += [f"  - id: bench-{n}", f"    question: Bench question number {n}?",
                      f"    answer: The answer to question {n}, with a `code` span.",
                      "    keywords: [answer, [question, query]]",
                      f"    level: {('basic', 'intermediate', 'advanced', 'design')[n % 4]}",
                      "    tags: [bench]"]
        (folder / f"bench-{t:02d}.yaml").write_text("\n".join(lines) + "\n")


def fill(store: Store, now: float) -> None:
    rng = random.Random(7)
    with store.transaction() as conn:
        for n in range(CARDS):
            last = now - rng.uniform(0, 60) * DAY
            due = last + rng.uniform(1, 90) * DAY
            conn.execute("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (f"bench-{n}", 2, None, rng.uniform(1, 100), rng.uniform(1, 10), due, last,
                          last - 30 * DAY, 10, 1))
        for r in range(REVIEWS):
            conn.execute("INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, score) "
                         "VALUES (?,?,?,?,?)", (f"bench-{r % CARDS}", rng.randint(1, 4),
                                                now - rng.uniform(0, 365) * DAY + r * 1e-6, 3000, None))


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="coach-bench-store-"))
    os.environ["COACH_HOME"] = str(home)
    write_deck(home / "questions")
    now = time.time()
    with Store.open(home / "coach.db") as store:
        fill(store, now)
    library = load_library()
    questions = QuestionSet(library.questions)
    print(f"store: {len(questions.questions)} questions, {CARDS} cards, {REVIEWS} reviews "
          f"({(home / 'coach.db').stat().st_size / 1e6:.1f} MB)")

    next_ms = []
    for _ in range(15):
        with Store.open(home / "coach.db") as store:
            start = time.perf_counter()
            drill = Drill(store, questions, scheduler=Scheduler())
            card = drill.next()
            next_ms.append((time.perf_counter() - start) * 1000)
            due, new = drill.counts()
    assert card is not None
    print(f"next due card: p50 {p50(next_ms):.1f} ms (queue of {due} due + {new} new; "
          f"target <= 20 ms)")

    stats_ms = []
    for _ in range(7):
        with Store.open(home / "coach.db") as store:
            start = time.perf_counter()
            compute(store, library)
            stats_ms.append((time.perf_counter() - start) * 1000)
    print(f"stats (in process): p50 {p50(stats_ms):.1f} ms")

    cli_ms = []
    for _ in range(7):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "coach", "stats"], capture_output=True, text=True)
        cli_ms.append((time.perf_counter() - start) * 1000)
        if result.returncode != 0:
            sys.exit(f"coach stats failed: {result.stderr}")
    print(f"store: next due card p50 {p50(next_ms):.1f} ms (target 20), "
          f"coach stats p50 {p50(cli_ms):.0f} ms (target 500)")


if __name__ == "__main__":
    main()
