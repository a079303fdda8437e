import pytest

from group_anagrams import group_anagrams


def groups_of(words):
    result = group_anagrams(words)
    assert type(result) is list, f"expected a list of lists, got {type(result).__name__}: {result!r}"
    for group in result:
        assert type(group) is list, f"each group must be a list, got {type(group).__name__}: {group!r}"
        for word in group:
            assert type(word) is str, f"groups hold the words themselves, got {word!r}"
    return result


def test_example():
    assert groups_of(["eat", "tea", "tan", "ate", "nat", "bat"]) == [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]


def test_empty_input():
    assert groups_of([]) == []


def test_one_word():
    assert groups_of(["solo"]) == [["solo"]]


def test_no_anagrams_at_all():
    assert groups_of(["abc", "abd", "xyz"]) == [["abc"], ["abd"], ["xyz"]]


def test_groups_in_order_of_first_appearance():
    # Not sorted by key (that would put "aa" first), not by size.
    assert groups_of(["zz", "x", "aa", "ba", "ab", "aa"]) == [["zz"], ["x"], ["aa", "aa"], ["ba", "ab"]]


def test_words_keep_input_order_within_a_group():
    assert groups_of(["tea", "eat", "ate"]) == [["tea", "eat", "ate"]]
    assert groups_of(["stop", "pots", "tops", "opts", "post", "spot"]) == [
        ["stop", "pots", "tops", "opts", "post", "spot"]
    ]


def test_duplicates_are_kept():
    assert groups_of(["ab", "ba", "ab", "c", "ab"]) == [["ab", "ba", "ab", "ab"], ["c"]]


def test_empty_strings_form_a_group():
    assert groups_of(["", "a", ""]) == [["", ""], ["a"]]


def test_letter_counts_matter():
    # A set of letters is not enough: "aab" and "abb" use the same letters.
    assert groups_of(["aab", "abb", "ab", "ba", "a", "aa"]) == [["aab"], ["abb"], ["ab", "ba"], ["a"], ["aa"]]


def test_different_letters_with_the_same_code_sum():
    # ord("a") + ord("d") == ord("b") + ord("c")
    assert groups_of(["ad", "bc", "da", "cb"]) == [["ad", "da"], ["bc", "cb"]]


def test_case_sensitive():
    assert groups_of(["Tea", "eat", "ate", "Eat", "aTe"]) == [["Tea", "aTe"], ["eat", "ate"], ["Eat"]]


def test_any_characters():
    words = ["Ab1!", "é", "!1bA", "e", "ç ", " ç", "中文", "文中"]
    assert groups_of(words) == [["Ab1!", "!1bA"], ["é"], ["e"], ["ç ", " ç"], ["中文", "文中"]]


def test_input_not_modified():
    words = ["bca", "abc", "x", "cab"]
    groups_of(words)
    assert words == ["bca", "abc", "x", "cab"]


@pytest.mark.timeout(1)
def test_many_words_in_near_linear_time():
    # About 14,000 groups of two: comparing each word with every group so far
    # is quadratic and takes far longer than the budget.
    base = ["a" * i + "b" * j + "c" * k for i in range(24) for j in range(24) for k in range(24)]
    words = base + [w[::-1] for w in base]
    expected = [[w, w[::-1]] for w in base]
    result = groups_of(words)
    # Compared by hand: pytest's diff of two huge lists would eat the budget.
    assert len(result) == len(expected), f"expected {len(expected)} groups, got {len(result)}"
    wrong = next((i for i, (got, want) in enumerate(zip(result, expected)) if got != want), None)
    assert wrong is None, f"group {wrong} is {result[wrong]!r}, expected {expected[wrong]!r}"
