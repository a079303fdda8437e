"""All content coach knows: bundled decks and katas plus the user's own."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from coach import paths
from coach.content.cache import cached
from coach.content.katas import kata_dirs, load_kata
from coach.content.models import Deck, Kata, Problem, Question
from coach.content.questions import deck_files, load_decks
from coach.content.safety import bad_name, bad_names, name_problem
from coach.errors import CoachError


@dataclass
class Library:
    decks: list[Deck] = field(default_factory=list)
    katas: list[Kata] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        return [q for deck in self.decks for q in deck.questions]

    def kata(self, slug: str) -> Kata:
        """The kata called ``slug``; a CoachError with a suggestion otherwise."""
        for kata in self.katas:
            if kata.slug == slug:
                return kata
        raise CoachError(unknown("kata", slug, [k.slug for k in self.katas]))

    def topics(self) -> list[str]:
        return list(dict.fromkeys(deck.topic for deck in self.decks))

    def match_topics(self, text: str) -> list[str]:
        """The decks ``--topic text`` means: a topic id (``fastapi-basics``), a deck's
        display name (``FastAPI basics``, any case), or a prefix of either that several
        decks share (``fastapi`` is every FastAPI deck). Empty when nothing matches."""
        wanted = " ".join(text.lower().replace("-", " ").split())
        if not wanted:
            return []
        exact = [d.topic for d in self.decks if wanted in (d.topic.replace("-", " "), d.title.lower())]
        if exact:
            return list(dict.fromkeys(exact))
        return list(dict.fromkeys(
            d.topic for d in self.decks
            if d.topic.replace("-", " ").startswith(wanted) or d.title.lower().startswith(wanted)))


def unknown(kind: str, name: str, choices: list[str]) -> str:
    """``unknown kata 'x'; did you mean 'y'?``, or the nearest few when none is close."""
    if not choices:
        return f"unknown {kind} '{name}'; there are none yet"
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    if close:
        return f"unknown {kind} '{name}'; did you mean '{close[0]}'?"
    nearest = difflib.get_close_matches(name, choices, n=3, cutoff=0.0)
    listing = ", ".join(f"'{c}'" for c in nearest)
    return f"unknown {kind} '{name}'; did you mean one of {listing}? ({len(choices)} in all)"


def _decks_in(folders: list[Path], problems: list[Problem]) -> list[Path]:
    """The deck files in ``folders``; names that are not UTF-8 are reported and skipped."""
    files = []
    for folder in folders:
        for file in deck_files(folder):
            if bad_name(file.name):
                problems.append(name_problem(file))
            else:
                files.append(file)
    return files


def _load_katas(folders: list[tuple[Path, str]], problems: list[Problem], deep: bool) -> list[Kata]:
    katas: list[Kata] = []
    seen: dict[str, Kata] = {}
    for folder, origin in folders:
        for kata_dir in kata_dirs(folder):
            kata = load_kata(kata_dir, problems, origin=origin, deep=deep)
            if kata is None:
                continue
            first = seen.get(kata.slug)
            if first is not None:
                problems.append(Problem(kata_dir, 0, "", f"kata '{kata.slug}' already exists at {first.path}"))
                continue
            seen[kata.slug] = kata
            katas.append(kata)
    return katas


def load_library(*, user: bool = True, deep: bool = False,
                 questions: bool = True, katas: bool = True) -> Library:
    """Bundled content, then the user's (``$COACH_HOME/questions``, ``/katas``)."""
    lib = Library()
    if questions:
        deck_dirs = [paths.bundled_questions_dir()] + ([paths.user_questions_dir()] if user else [])
        files = _decks_in(deck_dirs, lib.problems)
        if deep:
            lib.decks = load_decks(files, lib.problems)
        else:
            lib.decks, problems = cached("decks", files, lambda: _decks_and_problems(files))
            lib.problems += problems
    if katas:
        folders = [(paths.bundled_katas_dir(), "bundled")]
        if user:
            folders.append((paths.user_katas_dir(), "user"))
        for root, _ in folders:
            lib.problems += bad_names(root)
        if deep:
            lib.katas = _load_katas(folders, lib.problems, deep)
        else:
            lib.katas, problems = cached("katas", _kata_sources(folders),
                                         lambda: _katas_and_problems(folders))
            lib.problems += problems
    return lib


# What a loaded kata depends on; kata folders' own mtimes change when files come or go.
_KATA_SOURCES = ("kata.yaml", ".meta/config.json", ".meta/coach.json", ".docs/hints.md", ".docs/instructions.md")


def _kata_sources(folders: list[tuple[Path, str]]) -> list[Path]:
    files = []
    for root, _ in folders:
        if not root.is_dir():
            continue
        files.append(root)
        for folder in kata_dirs(root):
            files.append(folder)
            files += [folder / name for name in _KATA_SOURCES if (folder / name).is_file()]
    return files


def _katas_and_problems(folders: list[tuple[Path, str]]) -> tuple[list[Kata], list[Problem]]:
    problems: list[Problem] = []
    return _load_katas(folders, problems, False), problems


def _decks_and_problems(files: list[Path]) -> tuple[list[Deck], list[Problem]]:
    problems: list[Problem] = []
    return load_decks(files, problems), problems


def load_folder(path: Path, *, deep: bool = True) -> Library:
    """Content in a user's folder: a deck file, a kata, or a folder of either.

    A folder may hold ``questions/`` and ``katas/`` sub-folders (the layout of
    ``$COACH_HOME``), or deck files and kata folders directly.
    """
    lib = Library()
    if not path.exists():
        raise CoachError(f"no such file or folder: {path}")
    if path.is_file():
        if path.suffix not in (".yaml", ".yml"):
            raise CoachError(f"{path} is neither a deck (.yaml) nor a folder")
        lib.decks = load_decks([path], lib.problems)
        return lib
    if (path / "kata.yaml").is_file() or (path / ".meta" / "config.json").is_file():
        kata = load_kata(path, lib.problems, origin="user", deep=deep)
        lib.katas = [kata] if kata else []
        return lib
    deck_dirs = [path / "questions"] if (path / "questions").is_dir() else [path]
    kata_roots = [path / "katas"] if (path / "katas").is_dir() else [path]
    lib.decks = load_decks(_decks_in(deck_dirs, lib.problems), lib.problems)
    for root in kata_roots:
        lib.problems += bad_names(root)
    lib.katas = _load_katas([(d, "user") for d in kata_roots], lib.problems, deep)
    return lib


def resolve_kata(name: str, library: Library | None = None) -> Kata:
    """A kata by slug, or by the path of its folder."""
    candidate = Path(name).expanduser()
    looks_like_path = "/" in name or name.startswith(".") or (candidate.is_dir() and not name.isidentifier())
    if looks_like_path or (candidate.is_dir() and (candidate / "kata.yaml").is_file()):
        if not candidate.is_dir():
            raise CoachError(f"no kata folder at {name}")
        problems: list[Problem] = []
        kata = load_kata(candidate.resolve(), problems, origin="path")
        if kata is None:
            first = problems[0] if problems else f"{name} is not a kata folder"
            raise CoachError(f"cannot load kata: {first}")
        return kata
    lib = library or load_library(questions=False)
    return lib.kata(name)
