import pytest

from subarray_sum_k import subarray_sum


def count(nums, k):
    before = list(nums)
    result = subarray_sum(nums, k)
    assert type(result) is int, f"expected an int, got {type(result).__name__}: {result!r}"
    assert nums == before, "subarray_sum must not modify nums"
    return result


def brute(nums, k):
    return sum(1 for i in range(len(nums)) for j in range(i + 1, len(nums) + 1) if sum(nums[i:j]) == k)


def test_examples():
    assert count([1, 1, 1], 2) == 2
    assert count([1, 2, 3], 3) == 2


def test_empty_list():
    assert count([], 0) == 0
    assert count([], 5) == 0


def test_single_element():
    assert count([5], 5) == 1
    assert count([5], 0) == 0


def test_subarray_starting_at_index_zero():
    assert count([3, 4, 7], 7) == 2  # [3, 4] and [7]
    assert count([2, 5], 7) == 1


def test_negatives():
    assert count([1, -1, 0], 0) == 3
    assert count([3, -2, 4, -1, 2], 4) == 2  # [3, -2, 4, -1] and [4]


def test_zero_target_with_zeros():
    assert count([0, 0, 0], 0) == 6
    assert count([1, 2, 3], 0) == 0


def test_negative_target():
    assert count([-1, -1, 1], -1) == 3
    assert count([2, -3, 1, -2], -2) == 3


def test_whole_list():
    assert count([1, 2, 3, 4], 10) == 1


@pytest.mark.parametrize("seed", range(6))
def test_against_brute_force(seed):
    nums = [((i * 7 + seed * 13) * 31 % 11) - 5 for i in range(25)]
    for k in (-3, 0, 2, 5):
        assert count(nums, k) == brute(nums, k)


@pytest.mark.timeout(1)
def test_linear_time():
    n = 20_000
    nums = [1, -1] * (n // 2)
    # Every even-length subarray sums to 0: (n / 2)² of them.
    assert count(nums, 0) == (n // 2) ** 2
    # Every window of n / 2 ones: n / 2 + 1 of them.
    assert count([1] * n, n // 2) == n // 2 + 1
