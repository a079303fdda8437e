"""Typed content: questions, decks and katas, as the loader builds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.content.growth import GrowthSpec

LEVELS = ("basic", "intermediate", "advanced", "design")
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, located to a line and a field."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


@dataclass(frozen=True)
class Keyword:
    """A keyword a typed answer should mention; any of ``forms`` counts."""

    forms: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.forms[0]


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str
    keywords: tuple[Keyword, ...]
    level: str
    tags: tuple[str, ...]
    topic: str
    deck: str
    pitfall: str | None = None
    follow_ups: tuple[str, ...] = ()
    path: Path = Path()
    line: int = 0
    order: int = 0  # position in the curriculum, used to serve new cards

    @property
    def level_rank(self) -> int:
        return LEVELS.index(self.level)


@dataclass(frozen=True)
class Deck:
    topic: str
    title: str
    path: Path
    questions: tuple[Question, ...]
    description: str = ""


@dataclass(frozen=True)
class Limits:
    """Containment for one grading run; a kata's kata.yaml may adjust them."""

    time: float = 10.0  # wall-clock seconds per run
    cpu: float = 10.0  # CPU seconds per run
    memory: int = 512  # MiB of address space
    file_size: int = 16  # MiB, the largest file a solution may write
    output: int = 64  # KiB of raw output the parent keeps
    test: float = 3.0  # wall-clock seconds per test (a test's timeout marker overrides it)


@dataclass(frozen=True)
class Kata:
    slug: str
    title: str
    difficulty: str
    topics: tuple[str, ...]
    module: str  # the module name the suite imports the solution as
    entry: tuple[str, ...]  # names the solution must define
    hints: tuple[str, ...]
    path: Path
    test_file: str  # file name of the suite inside ``path``
    starter_file: str = "starter.py"
    solution_file: str | None = "solution.py"  # reference solution, if any
    readme_files: tuple[str, ...] = ("README.md",)
    extra_files: tuple[str, ...] = ()  # data files the suite needs beside it
    minutes: int | None = None  # suggested time to solve
    limits: Limits = field(default_factory=Limits)
    origin: str = "bundled"  # bundled, user or exercism
    patterns: tuple[str, ...] = ()  # interview patterns it trains (coach.content.patterns)
    more_tests: tuple[str, ...] = ()  # further test files (Exercism's files.test beyond the first)
    growth: GrowthSpec | None = None  # how to build inputs of size n, for growth reports

    @property
    def test_path(self) -> Path:
        return self.path / self.test_file

    @property
    def test_files(self) -> tuple[str, ...]:
        return (self.test_file, *self.more_tests)

    @property
    def starter_path(self) -> Path:
        return self.path / self.starter_file

    @property
    def solution_path(self) -> Path | None:
        return self.path / self.solution_file if self.solution_file else None

    @property
    def mutant_paths(self) -> tuple[Path, ...]:
        """Plausible wrong solutions in ``mutants/``: the suite must fail every one."""
        folder = self.path / "mutants"
        if not folder.is_dir():
            return ()
        return tuple(sorted(p for p in folder.glob("*.py") if p.is_file() and not p.name.startswith(("_", "."))))

    def readme(self) -> str:
        parts = []
        for name in self.readme_files:
            file = self.path / name
            if file.is_file():
                parts.append(file.read_text(encoding="utf-8").strip())
        return "\n\n".join(parts)

    def starter(self) -> str:
        return self.starter_path.read_text(encoding="utf-8")
