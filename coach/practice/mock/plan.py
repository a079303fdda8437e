"""Planning a mock interview: the rounds, their time boxes, the questions and the kata.

The choice is a pure function of the library, the options and the history
passed in: with a ``seed`` the history is ignored, so the same seed always
picks the same questions and kata. Without one, questions from the user's weak
topics (and the last mock's weakest areas) weigh more, and what the last mock
showed is left out while enough else remains.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from coach.content.models import Kata, Question

WARMUP, CONCEPTS, CODING, WRAPUP = "warm-up", "concepts", "coding", "wrap-up"
ROUNDS = (WARMUP, CONCEPTS, CODING, WRAPUP)
TITLES = {WARMUP: "Warm-up", CONCEPTS: "Concepts", CODING: "Coding", WRAPUP: "Wrap-up"}
TRACKS = ("python", "fastapi", "mixed")
LEVELS = ("easy", "medium", "hard")
MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 15, 180, 45
CHECKLIST = ("I clarified the requirements before answering",
             "I stated the time and space complexity",
             "I tested edge cases (empty input, duplicates, limits)",
             "I named the trade-offs of my approach")
GENERIC_FOLLOW_UP = "What trade-offs or pitfalls come with that, and when would you choose differently?"

# Decks that belong to the FastAPI track, and those every track shares (interview-wide).
_FASTAPI_PREFIXES = ("fastapi", "api-")
_FASTAPI_TOPICS = frozenset({"security", "databases", "testing-databases", "data-consistency"})
_GENERAL_TOPICS = frozenset({"interview-real", "system-design", "operations", "cheat-sheet",
                             "coding-concepts", "kata-patterns"})
# "The real interview questions, FastAPI and design decks": where the concept round looks first.
CONCEPT_TOPICS = frozenset({"interview-real", "system-design", "fastapi-advanced", "fastapi-tradeoffs",
                            "data-consistency", "api-security", "api-design", "operations"})
_WARMUP_LEVELS = {"easy": ("basic",), "medium": ("basic", "intermediate"), "hard": ("intermediate", "advanced")}
_CONCEPT_LEVELS = {"easy": ("intermediate",), "medium": ("intermediate", "advanced", "design"),
                   "hard": ("advanced", "design")}
_KATA_LEVEL = {"easy": "easy", "medium": "medium", "hard": "hard"}

T = TypeVar("T")


@dataclass(frozen=True)
class MockOptions:
    minutes: int = DEFAULT_MINUTES
    track: str = "mixed"
    level: str = "medium"
    seed: int | None = None

    def __post_init__(self) -> None:
        if not MIN_MINUTES <= self.minutes <= MAX_MINUTES:
            raise ValueError(f"a mock lasts {MIN_MINUTES} to {MAX_MINUTES} minutes, not {self.minutes}")
        if self.track not in TRACKS:
            raise ValueError(f"unknown track '{self.track}' (choose {', '.join(TRACKS)})")
        if self.level not in LEVELS:
            raise ValueError(f"unknown level '{self.level}' (choose {', '.join(LEVELS)})")


@dataclass(frozen=True)
class PlannedQuestion:
    """A card as asked, with its model answer kept for the scorecard and the export."""

    id: str
    topic: str
    deck: str
    level: str
    question: str
    answer: str
    follow_up: str | None = None  # concepts only: the interviewer's next question


@dataclass(frozen=True)
class PlannedKata:
    slug: str
    title: str
    difficulty: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    options: MockOptions
    seconds: dict[str, int]  # each round's time box
    warmup: tuple[PlannedQuestion, ...]
    concepts: tuple[PlannedQuestion, ...]
    kata: PlannedKata | None
    checklist: tuple[str, ...] = CHECKLIST

    @property
    def total_seconds(self) -> int:
        return sum(self.seconds.values())

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Plan:
        kata = doc.get("kata")
        return cls(options=MockOptions(**doc["options"]), seconds=dict(doc["seconds"]),
                   warmup=tuple(PlannedQuestion(**q) for q in doc["warmup"]),
                   concepts=tuple(PlannedQuestion(**q) for q in doc["concepts"]),
                   kata=PlannedKata(**{**kata, "topics": tuple(kata["topics"])}) if kata else None,
                   checklist=tuple(doc.get("checklist", CHECKLIST)))


@dataclass(frozen=True)
class History:
    """What the default choice leans on: weak topics to favour, the last mock's items to avoid."""

    weak_topics: frozenset[str] = frozenset()
    weak_katas: frozenset[str] = frozenset()
    last_seen: frozenset[str] = frozenset()  # card ids and kata slugs of the last mock


def topic_track(topic: str) -> str:
    """``python``, ``fastapi`` or ``general`` (asked in every track)."""
    if topic in _GENERAL_TOPICS:
        return "general"
    if topic.startswith(_FASTAPI_PREFIXES) or topic in _FASTAPI_TOPICS:
        return "fastapi"
    return "python"


def in_track(topic: str, track: str) -> bool:
    return track == "mixed" or topic_track(topic) in (track, "general")


def kata_in_track(kata: Kata, track: str) -> bool:
    is_fastapi = "fastapi" in kata.topics
    return track == "mixed" or (track == "fastapi") == is_fastapi


def budgets(minutes: int) -> dict[str, int]:
    """Seconds per round: about a minute per warm-up question, the coding round gets the most."""
    total = minutes * 60
    warm_n = warmup_count(minutes)
    concept_n = concept_count(minutes)
    wrap = 60 if minutes < 30 else 120
    warm = warm_n * 60
    left = total - wrap - warm
    per_concept = max(90, min(300, round(left * 0.4 / concept_n / 30) * 30))
    concepts = concept_n * per_concept
    return {WARMUP: warm, CONCEPTS: concepts, CODING: total - wrap - warm - concepts, WRAPUP: wrap}


def warmup_count(minutes: int) -> int:
    return max(5, min(8, 5 + (minutes - 15) // 10))


def concept_count(minutes: int) -> int:
    return 2 if minutes < 40 else 3


def _pick(rng: random.Random, items: Sequence[T], k: int, weight: Callable[[T], float]) -> list[T]:
    """``k`` items drawn without replacement, each in proportion to its weight (Efraimidis-Spirakis)."""
    keyed = sorted(((rng.random() ** (1.0 / max(weight(item), 1e-6)), i) for i, item in enumerate(items)),
                   reverse=True)
    return [items[i] for _, i in keyed[:k]]


def _first_enough(pools: Iterable[list[T]], k: int) -> list[T]:
    """The first pool with at least ``k`` items, else the largest."""
    best: list[T] = []
    for pool in pools:
        if len(pool) >= k:
            return pool
        if len(pool) > len(best):
            best = pool
    return best


def _planned(q: Question, follow_up: str | None = None) -> PlannedQuestion:
    return PlannedQuestion(q.id, q.topic, q.deck, q.level, q.question, q.answer, follow_up)


def plan_mock(questions: Sequence[Question], katas: Sequence[Kata], options: MockOptions,
              history: History | None = None, *, rng: random.Random | None = None) -> Plan:
    """Choose the warm-up and concept questions, each concept's follow-up and the kata.

    ``rng`` draws the unseeded choice (a test passes its own to be repeatable).
    """
    history = History() if options.seed is not None or history is None else history
    if options.seed is not None:
        rng = random.Random(options.seed)
    rng = rng or random.Random()
    track, level = options.track, options.level
    fresh = [q for q in questions if q.id not in history.last_seen]

    def weight(q: Question) -> float:
        return 1.0 + 2.0 * (q.topic in history.weak_topics)

    def pools(candidates: list[Question], levels: tuple[str, ...], extra: Callable[[Question], bool]) -> list:
        tracked = [q for q in candidates if in_track(q.topic, track)]
        return [[q for q in tracked if q.level in levels and extra(q)],
                [q for q in tracked if q.level != "design" and extra(q)],
                [q for q in candidates if extra(q)]]

    warm_n, concept_n = warmup_count(options.minutes), concept_count(options.minutes)
    concept_pool = _first_enough(
        [*pools(fresh, _CONCEPT_LEVELS[level], lambda q: bool(q.follow_ups)),
         *pools(list(questions), _CONCEPT_LEVELS[level], lambda q: True)], concept_n)
    concepts = _pick(rng, concept_pool, concept_n,
                     lambda q: weight(q) * (3.0 if q.topic in CONCEPT_TOPICS or q.level == "design" else 1.0))
    taken = {q.id for q in concepts}
    warm_pool = _first_enough(
        [*pools([q for q in fresh if q.id not in taken], _WARMUP_LEVELS[level],
                lambda q: q.topic not in CONCEPT_TOPICS),
         [q for q in questions if q.id not in taken]], warm_n)
    warmup = _pick(rng, warm_pool, warm_n, weight)
    planned_concepts = tuple(_planned(q, rng.choice(q.follow_ups) if q.follow_ups else GENERIC_FOLLOW_UP)
                             for q in concepts)
    return Plan(options=options, seconds=budgets(options.minutes),
                warmup=tuple(_planned(q) for q in warmup), concepts=planned_concepts,
                kata=_choose_kata(rng, katas, options, history))


def _choose_kata(rng: random.Random, katas: Sequence[Kata], options: MockOptions,
                 history: History) -> PlannedKata | None:
    tracked = [k for k in katas if kata_in_track(k, options.track)]
    wanted = _KATA_LEVEL[options.level]
    pool = _first_enough([[k for k in tracked if k.difficulty == wanted and k.slug not in history.last_seen],
                          [k for k in tracked if k.difficulty == wanted], tracked, list(katas)], 1)
    if not pool:
        return None
    kata = _pick(rng, pool, 1, lambda k: 1.0 + 2.0 * (k.slug in history.weak_katas))[0]
    return PlannedKata(kata.slug, kata.title, kata.difficulty, kata.topics)
