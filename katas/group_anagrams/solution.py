def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group the words that are anagrams of each other.

    Groups appear in the order of their first word; words keep input order.

    One pass with a dict keyed by the word's sorted characters, which relies
    on dicts keeping insertion order. O(n * k log k) time for n words of
    length up to k; O(n * k) space.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return list(groups.values())
