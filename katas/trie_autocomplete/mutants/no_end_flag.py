# Wrong: no end-of-word flag: every prefix of an inserted word counts as a word.
class Trie:
    def __init__(self):
        self.root = {}
        self.words = set()

    def insert(self, word):
        if not word:
            raise ValueError("empty word")
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        self.words.add(word)

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return None
            node = node[ch]
        return node

    def __contains__(self, word):
        return bool(word) and self._find(word) is not None

    def starts_with(self, prefix):
        return self._find(prefix) is not None and (prefix == "" and bool(self.root) or prefix != "")

    def complete(self, prefix, limit=10):
        node = self._find(prefix)
        found = []
        if node is None or limit <= 0:
            return found
        stack = [(node, prefix)]
        while stack and len(found) < limit:
            node, word = stack.pop()
            if word in self.words:
                found.append(word)
            for ch in sorted(node, reverse=True):
                stack.append((node[ch], word + ch))
        return found

    def __len__(self):
        return len(self.words)
