"""The interview patterns a kata can train: a fixed vocabulary.

Candidates practise by pattern ("two pointers", "sliding window", ...), so a
kata names the patterns it trains in ``kata.yaml`` (``patterns: [hash map]``)
and coach lists and filters katas by them. The vocabulary is fixed so that
"hashmap", "hash-map" and "dict" do not become three filters: the loader
rejects a name that is not here, suggesting the nearest one.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

ALGORITHMIC = "algorithmic"
PYTHON = "python"
WEB = "web"


@dataclass(frozen=True)
class Pattern:
    name: str  # what kata.yaml, the CLI and the kata list use: lower-case words
    kind: str  # algorithmic, python or web
    summary: str  # when to reach for it, in one line


_VOCABULARY = (
    # algorithms and data structures
    Pattern("hash map", ALGORITHMIC, "O(1) lookup, counting and grouping by key"),
    Pattern("two pointers", ALGORITHMIC, "two indexes walking a sorted sequence or from both ends"),
    Pattern("sliding window", ALGORITHMIC, "a range that grows on one side and shrinks on the other"),
    Pattern("stack", ALGORITHMIC, "last in, first out: nesting, matching, undo"),
    Pattern("monotonic queue", ALGORITHMIC, "a deque kept sorted to answer window min/max in O(1)"),
    Pattern("heap", ALGORITHMIC, "the k smallest or largest, merging sorted streams, scheduling"),
    Pattern("intervals", ALGORITHMIC, "sort by start, then merge or sweep"),
    Pattern("sorting", ALGORITHMIC, "order first, then a linear pass; or bucket by key"),
    Pattern("binary search", ALGORITHMIC, "halve a sorted range, or search the answer space"),
    Pattern("linked list", ALGORITHMIC, "O(1) splice and removal given the node"),
    Pattern("bfs/dfs", ALGORITHMIC, "visit a graph or grid breadth- or depth-first"),
    Pattern("topological sort", ALGORITHMIC, "order a dependency graph; detect cycles"),
    Pattern("dynamic programming", ALGORITHMIC, "overlapping subproblems: a table or memoised recursion"),
    Pattern("greedy", ALGORITHMIC, "a locally best choice that is provably globally best"),
    Pattern("prefix sums", ALGORITHMIC, "range sums in O(1) after one pass"),
    Pattern("backtracking", ALGORITHMIC, "build candidates step by step and undo"),
    Pattern("recursion", ALGORITHMIC, "a problem defined by smaller copies of itself"),
    Pattern("trie", ALGORITHMIC, "a tree of prefixes: autocomplete, word search"),
    Pattern("union-find", ALGORITHMIC, "merge sets and ask whether two items share one"),
    Pattern("data structure design", ALGORITHMIC, "combine structures so every operation meets its bound"),
    # Python craft
    Pattern("decorators and closures", PYTHON, "wrap a function, keep state in its enclosing scope"),
    Pattern("generators and iterators", PYTHON, "lazy sequences with yield and the iterator protocol"),
    Pattern("context managers", PYTHON, "with-blocks that always clean up"),
    Pattern("object model", PYTHON, "dunder methods, __new__, class attributes, copying"),
    Pattern("caching", PYTHON, "remember results: keys, eviction, expiry"),
    Pattern("rate limiting", PYTHON, "allow so many actions per unit of time"),
    Pattern("retries and backoff", PYTHON, "retry what may fail transiently, waiting longer each time"),
    Pattern("state machine", PYTHON, "explicit states and the transitions between them"),
    Pattern("concurrency primitives", PYTHON, "locks, events, queues and timers across threads"),
    Pattern("asyncio", PYTHON, "tasks, cancellation, semaphores and timeouts in one event loop"),
    # web services
    Pattern("fastapi", WEB, "routes, validation and responses in FastAPI"),
    Pattern("dependency injection", WEB, "FastAPI's Depends: shared setup, auth and resources"),
    Pattern("middleware", WEB, "code that wraps every request and response"),
    Pattern("authentication", WEB, "API keys, tokens and scopes, compared safely"),
    Pattern("rest api design", WEB, "status codes, pagination, idempotency and ETags"),
    Pattern("websockets", WEB, "long-lived two-way connections"),
    Pattern("streaming", WEB, "responses sent piece by piece as they are produced"),
)

PATTERNS: dict[str, Pattern] = {p.name: p for p in _VOCABULARY}


def check_patterns(value: Any) -> str | tuple[str, int] | None:
    """A kata.yaml ``patterns`` value: a non-empty list of known, distinct names."""
    if not isinstance(value, list):
        return "expected a list of patterns, such as [hash map, two pointers]"
    if not value:
        return "expected at least 1 pattern"
    seen: set[str] = set()
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            return f"item {index + 1} should be a pattern name, found {item!r}", index
        if item not in PATTERNS:
            return unknown_pattern(item), index
        if item in seen:
            return f"'{item}' is listed twice", index
        seen.add(item)
    return None


def unknown_pattern(name: str, choices: list[str] | None = None) -> str:
    """``unknown pattern 'hashmap'; did you mean 'hash map'?`` with the choices when none is close."""
    choices = list(PATTERNS) if choices is None else choices
    close = difflib.get_close_matches(name.lower(), choices, n=1, cutoff=0.6)
    if close:
        return f"unknown pattern '{name}'; did you mean '{close[0]}'?"
    return f"unknown pattern '{name}' (known patterns: {', '.join(choices)})"


def match_pattern(name: str, choices: list[str]) -> str | None:
    """The pattern among ``choices`` that ``name`` spells, ignoring case and extra spaces."""
    wanted = " ".join(name.split()).lower()
    for choice in choices:
        if choice.lower() == wanted:
            return choice
    return None
