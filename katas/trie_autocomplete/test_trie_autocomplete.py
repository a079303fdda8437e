import pytest

from trie import Trie

WORDS = ["car", "card", "care", "cart", "cat", "dog"]


def make(words=WORDS):
    trie = Trie()
    for word in words:
        trie.insert(word)
    return trie


def complete(trie, prefix, *args, **kwargs):
    result = trie.complete(prefix, *args, **kwargs)
    assert type(result) is list, f"complete() must return a list, got {type(result).__name__}"
    assert all(type(w) is str for w in result), f"complete() must return strings: {result!r}"
    return result


def has(trie, word):
    result = word in trie
    assert type(result) is bool
    return result


def test_example():
    trie = make()
    assert complete(trie, "car") == ["car", "card", "care", "cart"]
    assert complete(trie, "car", limit=2) == ["car", "card"]
    assert complete(trie, "ca") == ["car", "card", "care", "cart", "cat"]
    assert complete(trie, "x") == []


def test_membership_is_for_whole_words():
    trie = make()
    assert has(trie, "car") and has(trie, "cart") and has(trie, "dog")
    assert not has(trie, "ca")
    assert not has(trie, "c")
    assert not has(trie, "cars")
    assert not has(trie, "")


def test_starts_with():
    trie = make()
    for prefix in ["", "c", "ca", "car", "card", "d", "do", "dog"]:
        result = trie.starts_with(prefix)
        assert type(result) is bool and result, prefix
    for prefix in ["x", "cb", "dogs", "cards"]:
        assert trie.starts_with(prefix) is False, prefix


def test_empty_trie():
    trie = Trie()
    assert len(trie) == 0
    assert not has(trie, "a")
    assert trie.starts_with("a") is False
    assert complete(trie, "") == []


def test_lexicographic_not_insertion_order():
    trie = make(["zeta", "alpha", "beta", "al", "alp", "b"])
    assert complete(trie, "") == ["al", "alp", "alpha", "b", "beta", "zeta"]
    assert complete(trie, "", limit=3) == ["al", "alp", "alpha"]


def test_prefix_that_is_a_word_comes_first():
    trie = make(["apple", "app", "apply"])
    assert complete(trie, "app") == ["app", "apple", "apply"]


def test_a_word_is_its_own_completion():
    trie = make()
    assert complete(trie, "dog") == ["dog"]
    assert complete(trie, "cart") == ["cart"]


def test_limits():
    trie = make()
    assert complete(trie, "ca", limit=0) == []
    assert complete(trie, "ca", limit=1) == ["car"]
    assert complete(trie, "ca", limit=5) == ["car", "card", "care", "cart", "cat"]
    assert complete(trie, "ca", limit=50) == ["car", "card", "care", "cart", "cat"]
    assert len(complete(make([f"w{i:03}" for i in range(30)]), "w")) == 10, "the default limit is 10"


def test_duplicates_count_once():
    trie = make(["hello", "hello", "help"])
    assert len(trie) == 2
    assert complete(trie, "hel") == ["hello", "help"]


def test_len_counts_words_not_nodes():
    trie = make(["a", "ab", "abc"])
    assert len(trie) == 3
    trie.insert("abcd")
    result = len(trie)
    assert type(result) is int and result == 4


def test_empty_word_is_rejected():
    trie = Trie()
    with pytest.raises(ValueError):
        trie.insert("")
    assert len(trie) == 0


def test_case_and_unicode():
    trie = make(["Zebra", "apple", "Apple", "ångström", "äpfel", "ápice"])
    assert complete(trie, "") == sorted(["Zebra", "apple", "Apple", "ångström", "äpfel", "ápice"])
    assert complete(trie, "A") == ["Apple"]
    assert has(trie, "ångström") and not has(trie, "Ångström")


def test_tries_are_independent():
    first, second = Trie(), Trie()
    first.insert("shared")
    assert not has(second, "shared")
    assert len(second) == 0
    assert complete(second, "s") == []


LETTERS = "abcdefghij"


@pytest.fixture
def big_trie():
    """50,000 five-letter words, built outside the timed test."""
    words = [a + b + c + d + e for a in LETTERS for b in LETTERS for c in LETTERS for d in LETTERS for e in "abcde"]
    return make(words)


@pytest.mark.timeout(1)
def test_completion_does_not_scan_every_word(big_trie):
    trie, letters = big_trie, LETTERS
    assert len(trie) == 50_000
    for i in range(3_000):
        prefix = letters[i % 10] + letters[(i // 10) % 10] if i % 3 else letters[i % 10]
        expected = [prefix + "a" * (4 - len(prefix)) + last for last in "abcde"]
        assert trie.complete(prefix, limit=5) == expected
