import pytest

from two_sum import two_sum


def assert_pair(result, expected):
    assert type(result) is list, f"expected a list of two indices, got {type(result).__name__}: {result!r}"
    assert len(result) == 2, f"expected two indices, got {result!r}"
    assert all(type(i) is int for i in result), f"indices must be ints, got {result!r}"
    assert result == expected


def test_example():
    assert_pair(two_sum([2, 7, 11, 15], 9), [0, 1])


def test_pair_in_the_middle():
    assert_pair(two_sum([1, 5, 8, 3, 9], 11), [2, 3])


def test_element_not_used_twice():
    assert_pair(two_sum([3, 2, 4], 6), [1, 2])


def test_equal_values():
    assert_pair(two_sum([3, 3], 6), [0, 1])


def test_negatives_and_zero():
    assert_pair(two_sum([-4, 0, 7, -1, 4], 0), [0, 4])
    assert_pair(two_sum([0, 5, 0], 0), [0, 2])


def test_no_answer_returns_none():
    assert two_sum([1, 2, 3], 100) is None


@pytest.mark.parametrize("nums", [[], [5]], ids=["empty", "one number"])
def test_too_short_returns_none(nums):
    assert two_sum(nums, 5) is None


def test_input_not_modified():
    nums = [4, 9, 1, 6]
    two_sum(nums, 7)
    assert nums == [4, 9, 1, 6]


def test_big_ints():
    big = 10**20
    assert_pair(two_sum([big, 1, -big + 5], 5), [0, 2])


@pytest.mark.timeout(1)
def test_linear_time():
    nums = list(range(1, 20_001))
    # Only the last two numbers add up to the target: an O(n²) scan of 20,000
    # numbers makes 200 million comparisons, far more than a second's worth.
    assert_pair(two_sum(nums, 39_999), [19_998, 19_999])
