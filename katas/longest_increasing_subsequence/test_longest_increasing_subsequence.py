import pytest

from longest_increasing_subsequence import length_of_lis


def lis(nums):
    before = list(nums)
    result = length_of_lis(nums)
    assert type(result) is int, f"expected an int, got {type(result).__name__}: {result!r}"
    assert nums == before, "length_of_lis must not modify nums"
    return result


def test_example():
    assert lis([10, 9, 2, 5, 3, 7, 101, 18]) == 4


def test_with_repeats():
    assert lis([0, 1, 0, 3, 2, 3]) == 4


def test_equal_values_do_not_increase():
    assert lis([7, 7, 7, 7]) == 1
    assert lis([1, 2, 2, 3]) == 3
    assert lis([4, 10, 4, 3, 8, 9]) == 3


def test_empty_and_single():
    assert lis([]) == 0
    assert lis([5]) == 1


def test_sorted_and_reversed():
    assert lis(list(range(20))) == 20
    assert lis(list(range(20, 0, -1))) == 1


def test_not_contiguous():
    # The longest run of neighbours is 2; the subsequence 1, 2, 3, 4 skips elements.
    assert lis([1, 9, 2, 8, 3, 7, 4]) == 4


def test_an_early_small_value_must_not_block_later_ones():
    # Greedily keeping 50 blocks 1, 2, 3, 4.
    assert lis([50, 1, 2, 3, 4]) == 4
    assert lis([3, 4, 5, 1, 2, 3, 4, 5]) == 5


def test_negatives():
    assert lis([-3, -1, -2, 0, -5, 2]) == 4


@pytest.mark.parametrize("nums, expected", [
    ([2, 1], 1), ([1, 3, 2], 2), ([3, 1, 2], 2), ([1, 5, 2, 3], 3),
    ([5, 6, 1, 2, 3], 3), ([2, 5, 3, 4, 1, 6], 4),
])
def test_small_cases(nums, expected):
    assert lis(nums) == expected


@pytest.mark.timeout(1)
def test_n_log_n():
    n = 100_000
    # Interleave an increasing run of evens with a decreasing run: LIS = n // 2.
    nums = [i if i % 2 == 0 else n - i for i in range(n)]
    assert lis(nums) == n // 2
