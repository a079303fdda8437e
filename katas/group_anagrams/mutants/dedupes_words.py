# Wrong: collects words in sets, dropping duplicates and the input order
def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: dict[str, set[str]] = {}
    for word in words:
        groups.setdefault("".join(sorted(word)), set()).add(word)
    return [sorted(group) for group in groups.values()]
