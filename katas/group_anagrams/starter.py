def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group the words that are anagrams of each other.

    Groups appear in the order of their first word; words keep input order.

    >>> group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"])
    [['eat', 'tea', 'ate'], ['tan', 'nat'], ['bat']]
    """
    raise NotImplementedError("write group_anagrams")
