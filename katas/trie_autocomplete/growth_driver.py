"""For coach's growth report: n words inserted, then n // 10 completions of short prefixes."""

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def run(solution, n):
    trie = solution.Trie()
    for i in range(n):
        word, rest = "", i
        for _ in range(5):
            word, rest = word + LETTERS[rest % 26], rest // 26
        trie.insert(word)
    for i in range(n // 10):
        trie.complete(LETTERS[i % 26] + LETTERS[(i // 26) % 26], limit=5)
