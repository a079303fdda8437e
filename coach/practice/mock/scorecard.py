"""The scorecard of a mock: each round's score and how it was reached, a verdict in
plain words, and the two weakest areas with the cards and katas to practise next."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import TYPE_CHECKING

from coach.practice.mock.models import CODE, FOLLOW_UP, QUESTION, REVIEW, RUNNING, Focus, MockRecord
from coach.practice.mock.plan import CODING, CONCEPTS, ROUNDS, TITLES, WARMUP, WRAPUP
from coach.practice.mock.session import HINT_COST

if TYPE_CHECKING:
    from coach.content.library import Library

STRONG = 0.8  # an area scoring this or more is not a weak area
WEIGHTS = {WARMUP: 0.25, CONCEPTS: 0.30, CODING: 0.35, WRAPUP: 0.10}
HOW = {
    WARMUP: "key ideas hit per typed answer (coach's answer scorer); an unanswered question counts 0",
    CONCEPTS: "key ideas hit per main answer; follow-ups are kept for review, not scored",
    CODING: f"tests passed in the last run, less {HINT_COST:.0%} per hint",
    WRAPUP: "self-review checklist items ticked",
}
VERDICTS = (
    (0.80, "Strong: clear, complete answers and working code. This would likely pass."),
    (0.65, "Good, with gaps: a solid interview; tighten the two weak areas below."),
    (0.45, "Borderline: some strong answers, but key ideas or tests were missing."),
    (0.0, "Not yet: practise the areas below and try another mock."),
)


@dataclass(frozen=True)
class RoundScore:
    round: str
    score: float | None  # None: not reached, or nothing to score
    state: str  # done, time ran out, ended early, not reached
    summary: str  # what was scored: "4/5 answered, 62% of key ideas"
    seconds: int  # the time box
    used: float | None

    @property
    def title(self) -> str:
        return TITLES[self.round]

    @property
    def how(self) -> str:
        return HOW[self.round]


@dataclass(frozen=True)
class Scorecard:
    record: MockRecord
    rounds: tuple[RoundScore, ...]
    overall: float | None
    verdict: str
    weakest: tuple[Focus, ...]

    @property
    def partial(self) -> bool:
        return self.record.partial

    def scores(self) -> dict[str, float | None]:
        return {r.round: r.score for r in self.rounds}


def _state(record: MockRecord, name: str) -> tuple[str, float | None]:
    end = record.ending(name)
    if end is None:
        reached = record.ended_in == name or any(a.round == name for a in record.answers)
        return ("ended early" if reached else "not reached"), None
    used = end.detail.get("used")
    if end.detail.get("early"):
        return "ended early", used
    return ("time ran out" if end.detail.get("timed_out") else "done"), used


def _questions(record: MockRecord, name: str, state: str) -> tuple[float | None, str]:
    planned = record.plan.warmup if name == WARMUP else record.plan.concepts
    answered = [a for a in record.of(name, QUESTION) if a.score is not None]
    if state == "not reached" or (state == "ended early" and not answered):
        return None, "not reached" if state == "not reached" else "ended before an answer"
    hit = mean(a.score or 0.0 for a in answered) if answered else 0.0
    counted = len(answered) if state == "ended early" else len(planned)
    score = sum(a.score or 0.0 for a in answered) / max(counted, 1)
    text = f"{len(answered)}/{len(planned)} answered, {hit:.0%} of key ideas per answer"
    if name == CONCEPTS:
        text += f", {len(record.of(name, FOLLOW_UP))} follow-up{'s' if len(record.of(name, FOLLOW_UP)) != 1 else ''}"
    return score, text


def _coding(record: MockRecord, state: str) -> tuple[float | None, str]:
    codes = record.of(CODING, CODE)
    if not codes:
        return (None, "not reached") if state in ("not reached", "ended early") else (0.0, "no code handed in")
    d = codes[0].detail
    hints = d.get("hints", 0)
    tests = (f"{d.get('passed', 0)}/{d.get('total', 0)} tests passed" if d.get("runs")
             else "tests never run")
    if d.get("final_run"):
        tests += " (run on the code handed in)"
    return codes[0].score, f"{tests}, {hints} hint{'s' if hints != 1 else ''}, {clock(d.get('seconds'))} used"


def _wrapup(record: MockRecord, state: str) -> tuple[float | None, str]:
    reviews = record.of(WRAPUP, REVIEW)
    if not reviews:
        return None, "not reached" if state == "not reached" else "no self-review"
    checks = reviews[0].detail.get("checks", [])
    return reviews[0].score, f"{sum(checks)}/{len(checks)} checklist items ticked"


def clock(seconds: float | None) -> str:
    """``4:05`` for seconds; ``-`` for none."""
    if seconds is None:
        return "-"
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def verdict(overall: float | None, record: MockRecord) -> str:
    if overall is None:
        return "Nothing to score yet: the mock ended before the first answer."
    words = next(text for floor, text in VERDICTS if overall >= floor)
    if record.status == RUNNING:
        return f"Unfinished mock (still running, or the app was stopped), judged on what was done. {words}"
    if record.partial:
        where = f"the {TITLES[record.ended_in].lower()} round" if record.ended_in in TITLES else "a round"
        return f"Partial mock (ended in {where}), judged on what was done. {words}"
    return words


def build(record: MockRecord, library: Library | None = None) -> Scorecard:
    """The scorecard of ``record``; ``library`` adds cards and katas to practise next."""
    rounds = []
    for name in ROUNDS:
        if name not in record.plan.seconds:
            continue
        state, used = _state(record, name)
        if name in (WARMUP, CONCEPTS):
            score, summary = _questions(record, name, state)
        elif name == CODING:
            if record.plan.kata is None:
                continue
            score, summary = _coding(record, state)
        else:
            score, summary = _wrapup(record, state)
        rounds.append(RoundScore(name, score, state, summary, record.plan.seconds[name], used))
    scored = [(WEIGHTS[r.round], r.score) for r in rounds if r.score is not None]
    overall = sum(w * s for w, s in scored) / sum(w for w, _ in scored) if scored else None
    weakest = tuple(record.focus) if record.focus else weakest_areas(record, library)
    return Scorecard(record, tuple(rounds), overall, verdict(overall, record), weakest)


def weakest_areas(record: MockRecord, library: Library | None = None, count: int = 2) -> tuple[Focus, ...]:
    """The ``count`` areas with the lowest scores (below ``STRONG``), with what to practise for each."""
    areas: dict[str, tuple[str, list[tuple[float, str]]]] = {}
    for name in (WARMUP, CONCEPTS):
        state, _ = _state(record, name)
        answered = {a.item: a for a in record.of(name, QUESTION)}
        planned = record.plan.warmup if name == WARMUP else record.plan.concepts
        for q in planned:
            answer = answered.get(q.id)
            if answer is None and state in ("ended early", "not reached"):
                continue  # not asked: says nothing about the area
            score = answer.score if answer is not None and answer.score is not None else 0.0
            areas.setdefault(q.topic, (q.deck, []))[1].append((score, q.id))
    kata = record.plan.kata
    codes = record.of(CODING, CODE)
    if kata is not None and codes and codes[0].score is not None:
        areas[f"kata:{kata.slug}"] = (f"Coding: {kata.title}", [(codes[0].score, kata.slug)])
    ranked = sorted(((area, entry) for area, entry in areas.items() if mean(s for s, _ in entry[1]) < STRONG),
                    key=lambda item: (mean(s for s, _ in item[1][1]), -len(item[1][1]), item[0]))
    return tuple(_focus(area, title, items, record, library) for area, (title, items) in ranked[:count])


def _focus(area: str, title: str, items: list[tuple[float, str]], record: MockRecord,
           library: Library | None) -> Focus:
    score = mean(s for s, _ in items)
    if area.startswith("kata:"):
        slug = area.removeprefix("kata:")
        kata_topics = set(record.plan.kata.topics) if record.plan.kata else set()
        katas = [slug]
        cards: list[str] = []
        if library is not None:
            katas += [k.slug for k in library.katas if k.slug != slug and kata_topics & set(k.topics)][:2]
            cards = [q.id for q in library.questions if kata_topics & set(q.tags)][:3]
        return Focus(area, title, score, tuple(cards), tuple(katas))
    cards = [card for _, card in sorted(items)]
    katas = []
    if library is not None:
        katas = _katas_for(cards, library)
        cards += [q.id for q in library.questions if q.topic == area and q.id not in cards]
    return Focus(area, title, score, tuple(cards[:3]), tuple(katas))


# Tags too broad to tie a card to a kata.
_BROAD = frozenset({"python", "fastapi", "kata", "pattern", "coding", "design", "interview", "algorithm",
                    "data structure", "real", "basic", "advanced", "gotcha", "cheat sheet"})


def _subject(tag: str) -> str:
    """A tag or kata topic, compared loosely: "hash-maps" and "hash map" are one subject."""
    return " ".join(word.removesuffix("s") for word in tag.casefold().replace("-", " ").split())


def _katas_for(cards: list[str], library: Library, most: int = 2) -> list[str]:
    """Katas that train what the weak cards ask: a pattern card's own kata ("pattern-two-sum"
    is two_sum), then the katas sharing the most subjects with the cards' tags."""
    slugs = {k.slug for k in library.katas}
    direct = [c.removeprefix("pattern-").replace("-", "_") for c in cards if c.startswith("pattern-")]
    picked = [slug for slug in dict.fromkeys(direct) if slug in slugs]
    by_id = {q.id: q for q in library.questions}
    wanted = {_subject(t) for c in cards if c in by_id for t in by_id[c].tags} - _BROAD
    shared = sorted(((len(wanted & {_subject(t) for t in (*k.topics, *k.patterns)}), i, k.slug)
                     for i, k in enumerate(library.katas)), key=lambda x: (-x[0], x[1]))
    picked += [slug for n, _, slug in shared if n and slug not in picked]
    return picked[:most]


def rounds_table(card: Scorecard) -> list[tuple[str, str, str, str]]:
    """(round, score, what was scored, state) rows for a screen or the CLI."""
    return [(r.title, "-" if r.score is None else f"{r.score:.0%}", r.summary, r.state) for r in card.rounds]

