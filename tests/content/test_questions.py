"""The bundled question bank: big enough, covers the whole guide, and its code works."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from coach.content.library import load_library
from coach.paths import bundled_questions_dir
from coach.practice.scoring import tokens

# Every section of shared/seed/interview-guide.md, in its order.
GUIDE_SECTIONS = [
    *[f"Python basic {n}: {t}" for n, t in enumerate(
        ["What is Python?", "Python vs Java", "List vs Tuple", "Dict vs Set", "is vs ==", "What is the GIL?",
         "Deep copy vs shallow copy", "Generators", "Decorators", "Lambda functions"], start=1)],
    *[f"Python advanced {n}: {t}" for n, t in enumerate(
        ["Async vs threading", "Async IO example", "Multiprocessing vs multithreading", "Context managers",
         "Metaclasses"], start=11)],
    *[f"Comprehensions: {t}" for t in
      ["list comprehension", "list comprehension with a condition", "if-else in a comprehension",
       "nested list comprehension", "set comprehension", "dictionary comprehension"]],
    *[f"FastAPI basic {n}: {t}" for n, t in enumerate(
        ["What is FastAPI?", "FastAPI vs Flask", "Simple FastAPI app", "Path vs query params"], start=1)],
    *[f"FastAPI intermediate {n}: {t}" for n, t in enumerate(
        ["Request body validation", "Dependency injection", "Middleware", "Background tasks", "File upload"],
        start=5)],
    *[f"FastAPI advanced {n}: {t}" for n, t in enumerate(
        ["Async vs sync routes", "WebSockets in FastAPI", "FastAPI + WebRTC signaling", "Lifespan events",
         "Authentication", "Performance tips"], start=10)],
    "Advantages of FastAPI", "Disadvantages of FastAPI",
    *[f"Real interview Q{n}: {t}" for n, t in enumerate(
        ["Why is FastAPI fast?", "FastAPI sync blocking issue", "How to scale FastAPI?", "FastAPI vs NodeJS",
         "How FastAPI handles concurrency"], start=1)],
    "Manager round: Design FastAPI for 1M users", "Manager round: FastAPI + WebSocket scaling",
    "Manager round: Rate limiting",
    "Coding question 1: Two Sum", "Coding question 2: Sliding window rate limiter",
    "Coding question 3: Debounce function",
    "Cheat sheet: Why FastAPI?", "Cheat sheet: Where is it used?", "Cheat sheet: Is async needed?",
    *[f"Rapid fire {n}: {t}" for n, t in enumerate(
        ["ASGI vs WSGI", "Uvicorn vs Gunicorn", "Pydantic v1 vs v2", "Sync blocking issue", "WebSocket scaling",
         "Background workers"], start=1)],
    "Rapid fire summary: the one-line answers",
]

FENCE = re.compile(r"^```python(?P<run>[ \t]+run)?[ \t]*\n(?P<code>.*?)^```", re.S | re.M)


@pytest.fixture(scope="module")
def questions():
    lib = load_library(user=False, deep=True, katas=False)
    assert lib.problems == [], "\n".join(map(str, lib.problems))
    return lib.questions


def test_at_least_200_cards(questions):
    assert len(questions) >= 200


def test_every_guide_section_is_covered(questions):
    coverage = yaml.safe_load((bundled_questions_dir() / "coverage.yaml").read_text())["sections"]
    by_section = {item["section"]: item["ids"] for item in coverage}
    assert list(by_section) == GUIDE_SECTIONS
    known = {q.id for q in questions}
    for section, ids in by_section.items():
        assert ids, f"no card covers {section!r}"
        missing = [i for i in ids if i not in known]
        assert not missing, f"{section!r} names cards no deck holds: {missing}"


def test_cards_are_interview_grade(questions):
    for q in questions:
        assert 3 <= len(q.keywords) <= 6, f"{q.id}: {len(q.keywords)} keywords"
        assert q.tags, f"{q.id}: no tags"
        assert len(q.answer.split()) >= 25, f"{q.id}: the answer is too thin"
        for keyword in q.keywords:
            for form in keyword.forms:
                assert tokens(form), f"{q.id}: keyword {form!r} can never match"


def fences(questions):
    for q in questions:
        for text in (q.answer, q.pitfall or ""):
            for match in FENCE.finditer(text):
                yield q.id, bool(match.group("run")), textwrap.dedent(match.group("code"))


def test_every_python_fence_compiles(questions):
    count = 0
    for qid, _, code in fences(questions):
        try:
            compile(code, f"<{qid}>", "exec")
        except SyntaxError as exc:
            pytest.fail(f"{qid}: a python fence does not compile: line {exc.lineno}: {exc.msg}")
        count += 1
    assert count > 50


def test_runnable_fences_run(questions, tmp_path):
    runnable = [(qid, code) for qid, run, code in fences(questions) if run]
    assert runnable, "some fences are marked runnable"

    def run(item):
        qid, code = item
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                                cwd=tmp_path)
        return qid, result

    with ThreadPoolExecutor(max_workers=4) as pool:
        for qid, result in pool.map(run, runnable):
            assert result.returncode == 0, f"{qid}: a runnable fence failed:\n{result.stderr[-2000:]}"
