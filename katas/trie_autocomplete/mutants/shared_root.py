# Wrong: the root node is a class attribute: every Trie shares the same words.
class _Node:
    def __init__(self):
        self.children = {}
        self.is_word = False


class Trie:
    root = _Node()
    count = 0

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
        found = []
        if node is None or limit <= 0:
            return found
        stack = [(node, prefix)]
        while stack:
            node, word = stack.pop()
            if node.is_word:
                found.append(word)
                if len(found) == limit:
                    break
            for ch in sorted(node.children, reverse=True):
                stack.append((node.children[ch], word + ch))
        return found

    def __len__(self):
        return self.count
