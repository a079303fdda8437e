import random

import pytest

from top_k_frequent import top_k_frequent


def top(nums, k):
    result = top_k_frequent(nums, k)
    assert type(result) is list, f"expected a list, got {type(result).__name__}: {result!r}"
    for value in result:
        assert type(value) is int, f"the list holds the values themselves, got {value!r}"
    return result


def test_example():
    assert top([1, 1, 1, 2, 2, 3], 2) == [1, 2]


def test_most_frequent_first():
    assert top([1, 2, 2, 3, 3, 3], 3) == [3, 2, 1]
    assert top([5, 9, 9, 5, 9, 7, 9], 1) == [9]


def test_ties_go_to_the_smaller_value():
    assert top([3, 3, 1, 1, 2], 1) == [1]
    assert top([3, 3, 1, 1, 2], 2) == [1, 3]
    assert top([3, 3, 1, 1, 2], 3) == [1, 3, 2]


def test_ties_ignore_the_order_of_first_appearance():
    assert top([5, 5, 4, 4, 3, 3, 9], 2) == [3, 4]
    assert top([9, 8, 7, 6], 4) == [6, 7, 8, 9]


def test_negative_values_and_zero():
    assert top([-1, -1, 2, 2, 0], 1) == [-1]
    assert top([-1, -1, 2, 2, 0, -5], 4) == [-1, 2, -5, 0]


def test_k_larger_than_the_number_of_distinct_values():
    assert top([4, 4, 1], 10) == [4, 1]
    assert top([7], 3) == [7]


def test_k_equal_to_the_number_of_distinct_values():
    assert top([2, 1, 2, 3, 1, 2], 3) == [2, 1, 3]


@pytest.mark.parametrize("k", [0, -1, -2])
def test_k_not_positive_gives_an_empty_list(k):
    assert top([1, 2, 2, 3, 3, 3], k) == []


def test_empty_input():
    assert top([], 3) == []


def test_big_values():
    big = 10**30
    assert top([big, -big, big, 1], 2) == [big, -big]


def test_input_not_modified():
    nums = [3, 1, 3, 2, 1, 3]
    top(nums, 2)
    assert nums == [3, 1, 3, 2, 1, 3]


@pytest.mark.timeout(1)
def test_many_distinct_values():
    # 100,000 values, about 50,000 distinct: counting each value with
    # nums.count() would take billions of steps.
    nums = list(range(50_000)) * 2 + [7] * 5 + [123] * 3 + [40_000] * 3
    random.Random(2026).shuffle(nums)
    assert top(nums, 5) == [7, 123, 40_000, 0, 1]
    assert top(nums, 1) == [7]
