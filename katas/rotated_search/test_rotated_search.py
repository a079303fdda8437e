import pytest

from rotated_search import search_rotated


def check(nums, target, expected):
    before = list(nums)
    result = search_rotated(nums, target)
    assert type(result) is int, f"expected an int index, got {type(result).__name__}: {result!r}"
    assert result == expected, f"search_rotated({nums!r}, {target!r})"
    assert nums == before, "search_rotated must not modify nums"


def test_example():
    check([4, 5, 6, 7, 0, 1, 2], 0, 4)


def test_missing():
    check([4, 5, 6, 7, 0, 1, 2], 3, -1)
    check([4, 5, 6, 7, 0, 1, 2], 8, -1)
    check([4, 5, 6, 7, 0, 1, 2], -1, -1)


def test_empty_and_single():
    check([], 5, -1)
    check([1], 0, -1)
    check([1], 1, 0)


def test_two_elements():
    check([1, 3], 3, 1)
    check([1, 3], 1, 0)
    check([3, 1], 1, 1)
    check([3, 1], 3, 0)
    check([3, 1], 2, -1)


@pytest.mark.parametrize("shift", range(9))
def test_every_rotation_and_every_value(shift):
    base = [-7, -2, 0, 3, 8, 11, 15, 20, 31]
    nums = base[shift:] + base[:shift]
    for index, value in enumerate(nums):
        check(nums, value, index)
    for missing in (-8, -1, 4, 12, 32):
        check(nums, missing, -1)


@pytest.mark.parametrize("size", [2, 3, 4, 5, 6, 7, 10])
def test_small_sizes_all_rotations(size):
    base = list(range(0, 2 * size, 2))
    for shift in range(size):
        nums = base[shift:] + base[:shift]
        for index, value in enumerate(nums):
            check(nums, value, index)
        for odd in range(-1, 2 * size + 1, 2):
            check(nums, odd, -1)


N = 1_000_000
PIVOT = 700_001


@pytest.fixture
def big_rotated():
    """A million numbers rotated at PIVOT, built outside the timed test."""
    return list(range(PIVOT, N)) + list(range(PIVOT))


@pytest.mark.timeout(1)
def test_logarithmic_time(big_rotated):
    nums, n, pivot = big_rotated, N, PIVOT
    for k in range(2_000):
        value = (k * 7919) % n
        assert search_rotated(nums, value) == (value - pivot) % n
        assert search_rotated(nums, n + k) == -1
