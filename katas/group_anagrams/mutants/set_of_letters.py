# Wrong: keys groups by the set of letters, so letter counts are lost ('aab' and 'abb' group)
def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: dict[frozenset, list[str]] = {}
    for word in words:
        groups.setdefault(frozenset(word), []).append(word)
    return list(groups.values())
