# Wrong: compares each word with the first word of every group so far: O(n * groups)
def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for word in words:
        key = sorted(word)
        for group in groups:
            if sorted(group[0]) == key:
                group.append(word)
                break
        else:
            groups.append([word])
    return groups
