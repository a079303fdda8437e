from collections import Counter
from itertools import product

import pytest

from subsets import subsets


def distinct_subsets(nums):
    """The expected answer, from value counts: each value 0..count times."""
    counts = sorted(Counter(nums).items())
    return sorted(
        [value for (value, _), times in zip(counts, choice) for _ in range(times)]
        for choice in product(*(range(c + 1) for _, c in counts))
    )


def check(nums):
    before = list(nums)
    result = subsets(nums)
    assert nums == before, "subsets must not modify nums"
    assert type(result) is list, f"expected a list of lists, got {type(result).__name__}"
    for subset in result:
        assert type(subset) is list, f"each subset must be a list, got {subset!r}"
        assert all(type(x) is int for x in subset), f"subsets hold the ints from nums: {subset!r}"
        assert subset == sorted(subset), f"each subset must be in ascending order: {subset!r}"
    assert len({id(s) for s in result}) == len(result), "each subset must be its own list object"
    keys = [tuple(s) for s in result]
    repeated = [k for k, n in Counter(keys).items() if n > 1]
    assert not repeated, f"subsets listed more than once: {repeated[:5]}"
    assert sorted(result) == distinct_subsets(nums)
    return result


def test_example():
    check([1, 2, 2])


def test_single_and_empty():
    assert check([0]) is not None
    assert sorted(subsets([])) == [[]]


def test_distinct_values():
    assert len(check([1, 2, 3])) == 8


def test_unsorted_input():
    check([3, 1])
    check([2, 1, 2])
    check([4, 4, 1, 4, 1])


def test_all_equal():
    assert len(check([5, 5, 5, 5])) == 5


def test_negative_numbers():
    check([-1, 0, -1, 2])


def test_subsets_are_separate_lists():
    result = subsets([1, 2])
    for subset in result:
        subset.append(99)
    assert sorted(subsets([1, 2])) == [[], [1], [1, 2], [2]]


def test_calls_are_independent():
    assert sorted(subsets([1])) == [[], [1]]
    assert sorted(subsets([2])) == [[], [2]]


@pytest.mark.parametrize("n", [8, 12])
def test_larger_distinct(n):
    assert len(check(list(range(n)))) == 2 ** n


@pytest.mark.timeout(1)
def test_duplicates_are_never_generated():
    nums = [1] * 12 + [2] * 12
    assert len(check(nums)) == 13 * 13
