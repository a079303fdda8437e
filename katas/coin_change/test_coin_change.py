import pytest

from coin_change import coin_change

# Exponential solutions fail their test here instead of running into the whole run's limit.
pytestmark = pytest.mark.timeout(2)


def fewest(coins, amount):
    before = list(coins)
    result = coin_change(coins, amount)
    assert type(result) is int, f"expected an int, got {type(result).__name__}: {result!r}"
    assert coins == before, "coin_change must not modify coins"
    return result


def test_example():
    assert fewest([1, 2, 5], 11) == 3


def test_impossible():
    assert fewest([2], 3) == -1
    assert fewest([5, 10], 3) == -1
    assert fewest([4, 6], 7) == -1


def test_zero_amount():
    assert fewest([1], 0) == 0
    assert fewest([7], 0) == 0


def test_greedy_is_wrong():
    assert fewest([1, 3, 4], 6) == 2
    assert fewest([1, 5, 6, 9], 11) == 2


def test_greedy_dead_end():
    # Largest first takes 5 and is stuck at 1; 3 + 3 works.
    assert fewest([3, 5], 6) == 2


def test_answer_is_all_ones():
    assert fewest([1], 3) == 3
    assert fewest([1], 100) == 100


def test_coin_order_does_not_matter():
    assert fewest([5, 1, 2], 11) == 3
    assert fewest([186, 419, 83, 408], 6249) == 20


def test_single_coin_exact():
    assert fewest([7], 21) == 3
    assert fewest([7], 20) == -1


@pytest.mark.parametrize("amount, expected", [(1, 1), (2, 1), (3, 2), (4, 2), (7, 1), (8, 2), (9, 2), (13, 4), (14, 2)])
def test_small_amounts(amount, expected):
    assert fewest([1, 2, 7], amount) == expected


def test_results_are_independent():
    assert fewest([2], 3) == -1
    assert fewest([1, 2], 3) == 2
    assert fewest([2], 3) == -1


@pytest.mark.timeout(2)
def test_large_amount():
    coins = list(range(101, 151))  # 50 coins: 101 to 150
    assert fewest(coins, 10_000) == 67
    assert fewest([1, 9_999], 10_000) == 2
    assert fewest([3, 7, 1], 9_998) == 1_430
