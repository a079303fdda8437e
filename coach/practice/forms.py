"""Where a keyword form appears in a typed answer: stems, typos, folded compounds and short gaps."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coach.practice.polarity import NEGATORS, denial_auxiliary
from coach.practice.wording import ARTICLES, Word, similar, words


@dataclass(frozen=True, slots=True)
class Form:
    text: str
    negated: bool  # the form states a negative: "not atomic", "doesn't leak"
    core: tuple[tuple[str, str], ...]  # (stem, folded word), articles and negation removed


@lru_cache(maxsize=4096)
def compile_form(form: str) -> Form:
    ws = [w for w in words(form) if w.text not in ARTICLES]
    negated = any(w.text in NEGATORS for w in ws)
    core = []
    for i, w in enumerate(ws):
        if w.text in NEGATORS:
            continue
        if denial_auxiliary(ws, i):
            continue
        core.append((w.stem, w.text))
    return Form(form, negated and bool(core), tuple(core))


def _token_match(w: Word, token: tuple[str, str]) -> str | None:
    if w.stem == token[0]:
        return "words"
    if similar(w, token[1]):
        return "typo"
    return None


_OF = frozenset({"of", "for", "per"})
_GAPS = 2  # stray words allowed inside a phrase: "blocks the whole event loop"


def occurrences(form: Form, ws: list[Word], content: list[int]) -> list[tuple[list[int], str]]:
    """Each place the form's words appear in order (a couple of stray words allowed inside a phrase)."""
    core = form.core
    found: list[tuple[list[int], str]] = []
    n = len(content)
    for p in range(n):
        first = _token_match(ws[content[p]], core[0])
        if first is None and len(core) == 2 and p + 2 < n and ws[content[p + 1]].text in _OF:
            how = _token_match(ws[content[p + 2]], core[0])
            if how and _token_match(ws[content[p]], core[1]):  # "pool of connections": "connection pool"
                found.append(([content[p], content[p + 1], content[p + 2]], how))
                continue
        if first is None:
            if len(core) == 2 and ws[content[p]].text == core[0][1] + core[1][1]:
                found.append(([content[p]], "words"))  # "threadsafe" for "thread-safe"
            elif len(core) == 1 and p + 1 < n and ws[content[p]].text + ws[content[p + 1]].text == core[0][1]:
                found.append(([content[p], content[p + 1]], "words"))
            continue
        hit, via, q, gaps = [content[p]], first, p + 1, 0
        for token in core[1:]:
            how = None
            for skip in range(_GAPS - gaps + 1):
                if q + skip < n and (how := _token_match(ws[content[q + skip]], token)):
                    gaps, q = gaps + skip, q + skip
                    break
            if how is None:
                hit = []
                break
            hit.append(content[q])
            via = "typo" if how == "typo" else via
            q += 1
        if hit:
            found.append((hit, via))
    return found
