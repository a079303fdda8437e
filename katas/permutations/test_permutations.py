import itertools
from math import factorial

import pytest

import permutations as module
from permutations import permutations


@pytest.fixture(autouse=True)
def no_itertools_permutations(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("write the backtracking yourself; itertools.permutations is hidden here")

    real = itertools.permutations
    monkeypatch.setattr(itertools, "permutations", refuse)
    for name, value in list(vars(module).items()):
        if value is real:
            monkeypatch.setattr(module, name, refuse)


def check(nums):
    before = list(nums)
    result = permutations(nums)
    assert nums == before, "permutations must not modify nums"
    assert type(result) is list, f"expected a list of lists, got {type(result).__name__}"
    for ordering in result:
        assert type(ordering) is list, f"each ordering must be a list, got {ordering!r}"
        assert all(type(x) is int for x in ordering), f"orderings hold the ints from nums: {ordering!r}"
        assert sorted(ordering) == sorted(nums), f"not an ordering of {nums}: {ordering!r}"
    assert len({id(p) for p in result}) == len(result), "each ordering must be its own list object"
    keys = [tuple(p) for p in result]
    assert len(set(keys)) == len(keys), "an ordering is listed more than once"
    assert len(result) == factorial(len(nums)), f"expected {factorial(len(nums))} orderings, got {len(result)}"
    return result


def test_example():
    assert sorted(check([1, 2, 3])) == [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]


def test_two_and_one():
    assert sorted(check([0, 1])) == [[0, 1], [1, 0]]
    assert check([7]) == [[7]]


def test_empty_has_one_ordering():
    assert check([]) == [[]]


def test_negative_and_unsorted():
    check([3, -1, 0, 2])


def test_orderings_are_separate_lists():
    result = permutations([1, 2])
    for ordering in result:
        ordering.append(99)
    assert sorted(permutations([1, 2])) == [[1, 2], [2, 1]]


def test_calls_are_independent():
    assert sorted(permutations([1, 2])) == [[1, 2], [2, 1]]
    assert permutations([5]) == [[5]]


@pytest.mark.parametrize("n", [4, 6])
def test_every_ordering_once(n):
    check(list(range(n)))


@pytest.mark.timeout(1)
def test_eight_numbers_quickly():
    # 40,320 orderings: generating all 8**8 sequences and dropping those with
    # repeats is 16.8 million leaves, far more than a second's worth.
    result = check([5, 3, 8, 1, 9, 2, 7, 4])
    assert [5, 3, 8, 1, 9, 2, 7, 4] in result and [4, 7, 2, 9, 1, 8, 3, 5] in result
