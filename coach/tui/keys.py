"""Key listings built from the screens' own BINDINGS: the help, the home menu."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType


def bindings(source: Iterable[BindingType]) -> list[Binding]:
    """The Binding objects of a BINDINGS list (tuples included), one per key."""
    return list(Binding.make_bindings(source))


def key_label(binding: Binding) -> str:
    """How a key is written for people: ``ctrl+r``, ``space``, ``?``."""
    if binding.key_display:
        return binding.key_display
    names = {"question_mark": "?", "escape": "escape", "pageup": "PgUp", "pagedown": "PgDn"}
    return names.get(binding.key, binding.key)


def keys_by_action(source: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for each thing a screen does, keys that do it joined with ``/``.

    The text is the binding's footer label and its tooltip (the longer explanation);
    bindings with the same text are one entry (the scroll keys, say).
    """
    grouped: dict[str, tuple[list[str], str]] = {}
    for binding in bindings(source):
        name, more = binding.description, binding.tooltip
        text = f"{name}: {more}" if name and more else name or more
        if not text:
            continue
        keys, _ = grouped.setdefault(text, ([], text))
        label = key_label(binding)
        if label not in keys:
            keys.append(label)
    return [("/".join(keys), text) for keys, text in grouped.values()]
