# Wrong: keeps a sorted list and scans every word on each completion: O(n) per query.
class Trie:
    def __init__(self):
        self.words = set()

    def insert(self, word):
        if not word:
            raise ValueError("empty word")
        self.words.add(word)

    def __contains__(self, word):
        return word in self.words

    def starts_with(self, prefix):
        return any(w.startswith(prefix) for w in self.words)

    def complete(self, prefix, limit=10):
        return sorted(w for w in self.words if w.startswith(prefix))[:limit]

    def __len__(self):
        return len(self.words)
