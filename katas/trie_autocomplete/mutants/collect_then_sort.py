# Wrong: collects every word under the prefix, then sorts and slices: cost grows with all the matches.
class _Node:
    def __init__(self):
        self.children = {}
        self.is_word = False


class Trie:
    def __init__(self):
        self.root = _Node()
        self.count = 0

    def insert(self, word):
        if not word:
            raise ValueError("empty word")
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, _Node())
        if not node.is_word:
            node.is_word = True
            self.count += 1

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def __contains__(self, word):
        node = self._find(word) if isinstance(word, str) else None
        return node is not None and node.is_word

    def starts_with(self, prefix):
        node = self._find(prefix)
        return node is not None and (node.is_word or bool(node.children))

    def complete(self, prefix, limit=10):
        node = self._find(prefix)
        if node is None:
            return []
        found = []
        stack = [(node, prefix)]
        while stack:
            node, word = stack.pop()
            if node.is_word:
                found.append(word)
            for ch, child in node.children.items():
                stack.append((child, word + ch))
        return sorted(found)[:limit]

    def __len__(self):
        return self.count
