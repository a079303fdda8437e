# Wrong: keys groups by the sum of character codes, so different letters with equal sums collide
def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(sum(map(ord, word)), []).append(word)
    return list(groups.values())
