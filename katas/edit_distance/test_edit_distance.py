import pytest

from edit_distance import edit_distance

# Exponential solutions fail their test here instead of running into the whole run's limit.
pytestmark = pytest.mark.timeout(2)


def dist(a, b):
    result = edit_distance(a, b)
    assert type(result) is int, f"expected an int, got {type(result).__name__}: {result!r}"
    return result


def test_examples():
    assert dist("horse", "ros") == 3
    assert dist("intention", "execution") == 5


def test_empty_strings():
    assert dist("", "") == 0
    assert dist("", "abc") == 3
    assert dist("abcd", "") == 4


def test_equal_strings():
    assert dist("same", "same") == 0


def test_one_substitution():
    assert dist("cat", "cut") == 1
    assert dist("a", "b") == 1


def test_one_insert_or_delete():
    assert dist("cat", "cats") == 1
    assert dist("cats", "cat") == 1
    assert dist("cat", "at") == 1


def test_no_swap_operation():
    assert dist("ab", "ba") == 2


def test_symmetric():
    for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "xyz"), ("sunday", "saturday")]:
        assert dist(a, b) == dist(b, a)


@pytest.mark.parametrize("a, b, expected", [
    ("kitten", "sitting", 3),
    ("flaw", "lawn", 2),
    ("sunday", "saturday", 3),
    ("abc", "yabd", 2),
    ("distance", "editing", 5),
    ("book", "back", 2),
])
def test_classic_pairs(a, b, expected):
    assert dist(a, b) == expected


def test_case_and_unicode():
    assert dist("Straße", "strasse") == 3
    assert dist("café", "cafe") == 1
    assert dist("🙂🙂", "🙂") == 1


def test_long_and_different():
    assert dist("x" * 150, "y" * 120) == 150


def test_completely_different():
    assert dist("abc", "xyz") == 3
    assert dist("aaaa", "bb") == 4


@pytest.mark.timeout(2)
def test_long_strings():
    a = ("kitten sitting " * 40)[:600]
    b = ("sitting kitten " * 40)[:600]
    assert dist(a, b) == 14
