from __future__ import annotations


class _Node:
    __slots__ = ("children", "is_word")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.is_word = False


class Trie:
    """A set of words with fast prefix queries.

    insert, `in` and starts_with are O(L) for a string of length L.
    complete walks to the prefix, then runs a depth-first search in sorted
    child order, which yields words in lexicographic order, and stops after
    `limit` words: its cost follows the prefix and the nodes on the way to
    those words, not the number of words stored.
    """

    def __init__(self) -> None:
        self._root = _Node()
        self._count = 0

    def insert(self, word: str) -> None:
        if not word:
            raise ValueError("cannot insert an empty word")
        node = self._root
        for ch in word:
            node = node.children.setdefault(ch, _Node())
        if not node.is_word:
            node.is_word = True
            self._count += 1

    def _find(self, prefix: str) -> _Node | None:
        node: _Node | None = self._root
        for ch in prefix:
            node = node.children.get(ch) if node else None
            if node is None:
                return None
        return node

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        node = self._find(word)
        return node is not None and node.is_word

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        return node is not None and (node.is_word or bool(node.children))

    def complete(self, prefix: str, limit: int = 10) -> list[str]:
        start = self._find(prefix)
        found: list[str] = []
        if start is None or limit <= 0:
            return found
        stack = [(start, prefix)]
        while stack:
            node, word = stack.pop()
            if node.is_word:
                found.append(word)
                if len(found) == limit:
                    break
            for ch in sorted(node.children, reverse=True):
                stack.append((node.children[ch], word + ch))
        return found

    def __len__(self) -> int:
        return self._count
