"""Typed-answer scoring against a labelled set of answers.

The set (tests/data/scoring_eval.yaml) holds typed answers to bundled cards,
written from the question and the model answer by someone who had not seen
the keyword lists: strong answers (in the card's words or the candidate's
own), echoes of the question, confident misconceptions, and the key terms
with the claims negated. Prints, per kind, the share suggested Good or
better and the share suggested Hard or worse, then the scoring latency per
answer (p50/p95), then one summary line. Targets: strong >= 85% Good, each
bad kind >= 95% Hard or worse. A benchmark, not a test: figures only.

    python bench/scoring.py                     # the repo's set, in process
    python bench/scoring.py --semantic off      # without the meaning signal
    python bench/scoring.py --set FILE --cli    # another set, through `coach answer --json`
    python bench/scoring.py --show negated      # list the misjudged answers of one kind
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from coach.content.library import load_library
from coach.practice import scoring

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("strong", "echo", "wrong", "negated")
GOOD, HARD = 3, 2


def load_set(path: Path) -> list[tuple[str, str, str | None, str]]:
    """(card, kind, vocab, text) for every answer in the set."""
    items = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        for answer in entry["answers"]:
            items.append((entry["card"], answer["kind"], answer.get("vocab"), answer["text"]))
    return items


def via_cli(card: str, text: str) -> int:
    out = subprocess.run([sys.executable, "-m", "coach", "answer", card, "--json"], input=text,
                         capture_output=True, text=True, check=True, env=os.environ)
    suggested: int = json.loads(out.stdout)["suggested"]
    return suggested


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=ROOT / "tests" / "data" / "scoring_eval.yaml")
    parser.add_argument("--cli", action="store_true", help="score through `coach answer --json`")
    parser.add_argument("--semantic", choices=("on", "off"), default="on",
                        help="use the meaning signal (default on, when it is installed)")
    parser.add_argument("--show", choices=KINDS, help="print the misjudged answers of this kind")
    args = parser.parse_args()
    if args.semantic == "off":
        os.environ["COACH_SEMANTIC"] = "0"
    scoring.configure(semantic=args.semantic == "on")

    cards = {q.id: q for q in load_library(user=False, katas=False).questions}
    items = load_set(args.set)
    missing = sorted({card for card, *_ in items if card not in cards})
    if missing:
        sys.exit(f"bench: the set names cards no deck holds: {', '.join(missing)}")

    if not args.cli:  # first-use costs (model load, card embeddings) are not per-keystroke costs
        start = time.perf_counter()
        scoring.score_question("warm up", next(iter(cards.values())), wait=True)
        print(f"first score (loads the model): {(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        for card in {card for card, *_ in items}:
            scoring.prepare(cards[card])  # what a screen does when it shows the card
        print(f"preparing {len({c for c, *_ in items})} cards: {(time.perf_counter() - start) * 1000:.0f} ms")

    results: dict[str, list[int]] = {k: [] for k in KINDS}
    mixed: dict[str, int] = {k: 0 for k in KINDS}
    by_vocab: dict[str, list[int]] = {"own": [], "card": []}
    latencies: list[float] = []
    cpu_times: list[float] = []  # this thread's CPU time: what a busy machine's waiting does not inflate
    for card, kind, vocab, text in items:
        if args.cli:
            suggested = via_cli(card, text)
        else:
            start, cpu = time.perf_counter(), time.thread_time()
            result = scoring.score_question(text, cards[card])
            latencies.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.thread_time() - cpu) * 1000)
            suggested = result.suggested
            mixed[kind] += result.mixed
        results[kind].append(suggested)
        if kind == "strong" and vocab in by_vocab:
            by_vocab[vocab].append(suggested)
        wrong_call = suggested < GOOD if kind == "strong" else suggested > HARD
        if args.show == kind and wrong_call:
            print(f"  [{suggested}] {card}: {text}")

    def share(values: list[int], good: bool) -> float:
        if not values:
            return 0.0
        return 100 * sum((v >= GOOD) if good else (v <= HARD) for v in values) / len(values)

    cards_used = len({card for card, *_ in items})
    print(f"{len(items)} answers over {cards_used} cards ({args.set.name}); "
          f"semantic signal: {'on' if scoring.semantic_enabled() else 'off'}")
    print(f"{'kind':<16}{'n':>5}{'>=Good':>9}{'<=Hard':>9}{'mixed':>8}   (mixed: no rating preselected)")
    for kind in KINDS:
        values = results[kind]
        flagged = f"{100 * mixed[kind] / len(values):>7.0f}%" if values and not args.cli else ""
        print(f"{kind:<16}{len(values):>5}{share(values, True):>8.0f}%{share(values, False):>8.0f}%{flagged}")
    for vocab, values in by_vocab.items():
        print(f"{'  strong/' + vocab:<16}{len(values):>5}{share(values, True):>8.0f}%{share(values, False):>8.0f}%")
    if latencies:
        q = statistics.quantiles(latencies, n=20)
        print(f"scoring latency per answer: p50 {statistics.median(latencies):.2f} ms, p95 {q[18]:.2f} ms, "
              f"max {max(latencies):.2f} ms")
        c = statistics.quantiles(cpu_times, n=20)
        print(f"scoring CPU time per answer: p50 {statistics.median(cpu_times):.2f} ms, p95 {c[18]:.2f} ms, "
              f"max {max(cpu_times):.2f} ms")
    print(f"scoring: strong>=Good {share(results['strong'], True):.0f}%, "
          f"echo<=Hard {share(results['echo'], False):.0f}%, "
          f"wrong<=Hard {share(results['wrong'], False):.0f}%, "
          f"negated<=Hard {share(results['negated'], False):.0f}%")


if __name__ == "__main__":
    main()
