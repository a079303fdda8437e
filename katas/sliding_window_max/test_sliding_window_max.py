import random

import pytest

from sliding_window_max import max_sliding_window


def window_max(nums, k):
    """Call the solution, check it left nums alone and returned a list of ints."""
    before = list(nums)
    result = max_sliding_window(nums, k)
    assert nums == before, f"nums was modified: {before!r} became {nums!r}"
    assert type(result) is list, f"expected a list, got {type(result).__name__}: {result!r}"
    assert all(type(x) is int for x in result), f"expected a list of ints, got {result!r}"
    return result


def first_difference(result, expected):
    """A short failure message for long lists (pytest's full diff would be huge and slow)."""
    if len(result) != len(expected):
        return f"expected {len(expected)} maxima, got {len(result)}"
    i = next(i for i, (got, want) in enumerate(zip(result, expected)) if got != want)
    return f"window {i}: expected {expected[i]}, got {result[i]}"


def test_example():
    assert window_max([1, 3, -1, -3, 5, 3, 6, 7], 3) == [3, 3, 5, 5, 6, 7]


def test_window_of_one_is_a_copy():
    nums = [4, 2, 12, 3]
    result = window_max(nums, 1)
    assert result == [4, 2, 12, 3]
    assert result is not nums, "return a new list, not nums itself"


def test_window_as_long_as_the_list():
    assert window_max([4, 2, 12, 3], 4) == [12]
    assert window_max([7], 1) == [7]


def test_decreasing_values_leave_the_window():
    # The maximum is always the oldest value, so it must be evicted by index.
    assert window_max([9, 8, 7, 6, 5], 2) == [9, 8, 7, 6]
    assert window_max([9, 8, 7, 6, 5], 3) == [9, 8, 7]


def test_increasing_values():
    assert window_max([1, 2, 3, 4, 5], 3) == [3, 4, 5]


def test_duplicates():
    assert window_max([5, 5, 1, 1], 2) == [5, 5, 1]
    assert window_max([4, 4, 4, 2, 4], 2) == [4, 4, 4, 4]
    assert window_max([1, 3, 3, 1, 1], 2) == [3, 3, 3, 1]
    assert window_max([2, 2, 2, 2], 3) == [2, 2]


def test_negatives():
    assert window_max([-7, -8, -1, -9], 2) == [-7, -1, -1]
    assert window_max([-3, -3, -5], 3) == [-3]


def test_big_ints():
    big = 10**30
    assert window_max([big, -big, 1, big + 1], 2) == [big, 1, big + 1]


@pytest.mark.parametrize("k", [0, -1, -5], ids=["zero", "minus one", "minus five"])
def test_k_below_one_raises(k):
    with pytest.raises(ValueError):
        max_sliding_window([1, 2, 3], k)


def test_k_longer_than_the_list_raises():
    with pytest.raises(ValueError):
        max_sliding_window([1, 2, 3], 4)
    with pytest.raises(ValueError):
        max_sliding_window([5], 2)


@pytest.mark.parametrize("k", [1, 0], ids=["k=1", "k=0"])
def test_empty_list_raises(k):
    with pytest.raises(ValueError):
        max_sliding_window([], k)


def test_matches_a_brute_force():
    rng = random.Random(239)
    for _ in range(300):
        nums = [rng.randint(-5, 5) for _ in range(rng.randint(1, 12))]
        k = rng.randint(1, len(nums))
        expected = [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
        assert window_max(nums, k) == expected, f"nums={nums!r}, k={k}"


@pytest.mark.timeout(1)
def test_linear_time_on_a_decreasing_list():
    # The maximum slides out at every step. Rescanning the window then, or
    # taking max() of every slice, is 2.5 billion comparisons.
    nums = list(range(100_000, 0, -1))
    result = max_sliding_window(nums, 50_000)
    expected = nums[:50_001]
    assert type(result) is list, f"expected a list, got {type(result).__name__}"
    assert result == expected, first_difference(result, expected)


RANDOM_K = 20_000


@pytest.fixture(scope="module")
def random_case():
    """60,000 random numbers and their window maxima, prepared outside the time budget."""
    rng = random.Random(7)
    nums = [rng.getrandbits(21) - 2**20 for _ in range(60_000)]
    # Van Herk/Gil-Werman: maxima of blocks of size k from the left and
    # from the right; each window spans one block boundary.
    k, n = RANDOM_K, len(nums)
    left, right = nums[:], nums[:]
    for i in range(1, n):
        if i % k:
            left[i] = max(left[i - 1], nums[i])
    for i in range(n - 2, -1, -1):
        if (i + 1) % k:
            right[i] = max(right[i + 1], nums[i])
    expected = [max(right[i], left[i + k - 1]) for i in range(n - k + 1)]
    return nums, expected


@pytest.mark.timeout(1)
def test_linear_time_on_random_numbers(random_case):
    nums, expected = random_case
    result = max_sliding_window(nums, RANDOM_K)
    assert type(result) is list, f"expected a list, got {type(result).__name__}"
    assert result == expected, first_difference(result, expected)
