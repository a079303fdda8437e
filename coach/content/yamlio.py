"""YAML loading that remembers where every value came from.

Validation messages name the file and the line of the offending field, so the
loader keeps YAML's marks: mappings become :class:`LocDict` and sequences
:class:`LocList`, each knowing the line of itself and of its entries.
Scalars are plain Python values. Parsing goes through libyaml (CSafeLoader)
when PyYAML was built with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:
    Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    Loader = yaml.SafeLoader


class LocDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocList(list):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class YamlError(Exception):
    """The file is not valid YAML; ``line`` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


MAX_BYTES = 8 * 1024 * 1024  # the largest YAML file coach reads
MAX_DEPTH = 64  # nesting of mappings and sequences
SPARE_VALUES = 10_000  # values beyond one per byte of text that aliases may add


class _Budget:
    """How many more values the document may expand to, and nodes already seen (to spot aliases)."""

    def __init__(self, text: str) -> None:
        self.limit = self.left = len(text) + SPARE_VALUES
        self.seen: set[int] = set()
        self.reused: yaml.Node | None = None

    def spend(self, node: yaml.Node, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise YamlError(f"nested more than {MAX_DEPTH} levels deep", _line(node))
        self.left -= 1
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.seen:
                self.reused = node  # reached again: through an alias
            self.seen.add(id(node))
        if self.left < 0:
            line = _line(self.reused) if self.reused is not None else _line(node)
            raise YamlError(f"aliases expand this file to more than {self.limit:,} values "
                            "(an alias bomb?); the anchor on this line is reused too often", line)


def _convert(node: yaml.Node, loader: Any, duplicates: list[tuple[str, int]], budget: _Budget,
             depth: int = 0) -> Any:
    budget.spend(node, depth)
    if isinstance(node, yaml.MappingNode):
        result = LocDict()
        result.line = _line(node)
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, loader, duplicates, budget, depth + 1)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            if key in result:
                duplicates.append((str(key), _line(key_node)))
            result[key] = _convert(value_node, loader, duplicates, budget, depth + 1)
            result.key_lines[key] = _line(key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocList()
        items.line = _line(node)
        items.item_lines = []
        for item in node.value:
            items.append(_convert(item, loader, duplicates, budget, depth + 1))
            items.item_lines.append(_line(item))
        return items
    return loader.construct_object(node, deep=True)


def load_text(text: str) -> tuple[Any, list[tuple[str, int]]]:
    """Parse one YAML document; returns the data and any duplicated keys.

    Raises :class:`YamlError` for text that is not YAML, and for a document
    that aliases would expand far beyond its size or that nests too deeply:
    content is data, and a small file must not cost seconds or gigabytes.
    """
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        duplicates: list[tuple[str, int]] = []
        return _convert(node, loader, duplicates, _Budget(text)), duplicates
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        problem = exc.problem or str(exc)
        raise YamlError(f"not valid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}", 0) from None
    except RecursionError:
        raise YamlError("nested too deeply", 0) from None
    finally:
        loader.dispose()


def load_file(path: Path) -> tuple[Any, list[tuple[str, int]]]:
    """Parse a YAML file (see :func:`load_text`); OSError when it cannot be read."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlError(f"the file is {size / 1048576:.1f} MiB; coach reads YAML files of up to "
                        f"{MAX_BYTES // 1048576} MiB (split it into several decks)", 0)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlError("not UTF-8 text", 0) from None
    return load_text(text)
