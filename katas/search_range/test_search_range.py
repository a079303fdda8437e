import pytest

from search_range import search_range


def check(nums, target, expected):
    before = list(nums)
    result = search_range(nums, target)
    assert type(result) is list, f"expected a list of two ints, got {type(result).__name__}: {result!r}"
    assert len(result) == 2 and all(type(i) is int for i in result), f"expected two ints, got {result!r}"
    assert result == expected, f"search_range({nums!r}, {target!r})"
    assert nums == before, "search_range must not modify nums"


def test_example():
    check([5, 7, 7, 8, 8, 10], 8, [3, 4])


def test_missing_value_inside_the_range():
    check([5, 7, 7, 8, 8, 10], 6, [-1, -1])


@pytest.mark.parametrize("target", [1, 11], ids=["below all", "above all"])
def test_missing_value_outside_the_range(target):
    check([5, 7, 7, 8, 8, 10], target, [-1, -1])


def test_empty_list():
    check([], 0, [-1, -1])


def test_single_element():
    check([1], 1, [0, 0])
    check([1], 0, [-1, -1])
    check([1], 2, [-1, -1])


def test_all_equal():
    check([2, 2, 2], 2, [0, 2])


@pytest.mark.parametrize("target, expected", [(1, [0, 1]), (9, [6, 7]), (4, [2, 4])],
                         ids=["at the start", "at the end", "in the middle"])
def test_runs_at_the_edges(target, expected):
    check([1, 1, 4, 4, 4, 6, 9, 9], target, expected)


def test_single_occurrence():
    check([1, 3, 5, 7, 9, 11], 7, [3, 3])
    check([1, 3, 5, 7, 9, 11], 1, [0, 0])
    check([1, 3, 5, 7, 9, 11], 11, [5, 5])


def test_negatives():
    check([-5, -3, -3, -3, 0, 2], -3, [1, 3])
    check([-5, -3, -3, -3, 0, 2], -4, [-1, -1])


def test_every_value_of_a_small_list():
    nums = [0, 0, 1, 3, 3, 3, 4, 7, 7, 8]
    for target in range(-1, 10):
        expected = [nums.index(target), len(nums) - 1 - nums[::-1].index(target)] if target in nums else [-1, -1]
        check(nums, target, expected)


@pytest.mark.timeout(1)
def test_logarithmic_time():
    # A million numbers: 0, a run of 999,998 fives, 9. A scan (or a binary
    # search that walks over the run) does millions of steps per question.
    nums = [0] + [5] * 999_998 + [9]
    for _ in range(10_000):
        assert search_range(nums, 5) == [1, 999_998]
        assert search_range(nums, 7) == [-1, -1]
