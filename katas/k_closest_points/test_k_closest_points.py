import pytest

from k_closest_points import k_closest


def closest(points, k):
    before = list(points)
    result = k_closest(points, k)
    assert type(result) is list, f"expected a list of points, got {type(result).__name__}: {result!r}"
    assert result is not points, "return a new list, not the input"
    assert points == before, "k_closest must not modify points"
    for point in result:
        assert type(point) is tuple, f"expected the (x, y) tuples themselves, got {point!r}"
    return result


def test_example():
    assert closest([(1, 3), (-2, 2)], 1) == [(-2, 2)]


def test_closest_first():
    assert closest([(3, 3), (5, -1), (-2, 4)], 2) == [(3, 3), (-2, 4)]
    assert closest([(5, 5), (1, 1), (3, 3), (0, 2)], 4) == [(1, 1), (0, 2), (3, 3), (5, 5)]


def test_ties_keep_input_order():
    assert closest([(0, 1), (1, 0), (-1, 0)], 2) == [(0, 1), (1, 0)]
    assert closest([(0, -3), (3, 0), (0, 3), (-3, 0), (1, 1)], 4) == [(1, 1), (0, -3), (3, 0), (0, 3)]


def test_duplicates():
    assert closest([(2, 2), (1, 1), (2, 2), (1, 1)], 3) == [(1, 1), (1, 1), (2, 2)]


def test_returns_the_same_objects():
    points = [(4, 4), (1, 2)]
    result = closest(points, 1)
    assert result[0] is points[1]


@pytest.mark.parametrize("k", [3, 10], ids=["k equals n", "k above n"])
def test_k_at_least_n(k):
    assert closest([(2, 0), (0, 0), (1, 0)], k) == [(0, 0), (1, 0), (2, 0)]


def test_k_zero_and_no_points():
    assert closest([(1, 1), (2, 2)], 0) == []
    assert closest([], 3) == []


def test_k_one_takes_the_single_closest():
    assert closest([(9, 9), (-1, -1), (8, 0), (0, 5)], 1) == [(-1, -1)]


def test_huge_coordinates_compare_exactly():
    big = 10**17
    # As floats, these three distances are the same number.
    points = [(big + 2, 0), (0, big + 1), (big, 0)]
    assert closest(points, 3) == [(big, 0), (0, big + 1), (big + 2, 0)]
    assert closest(points, 1) == [(big, 0)]


def test_negative_coordinates():
    assert closest([(-5, -5), (4, -4), (-3, 3)], 2) == [(-3, 3), (4, -4)]


@pytest.mark.timeout(2)
def test_half_of_a_big_list_quickly():
    # Taking the minimum out 10,000 times scans 20,000 points each time.
    n = 20_000
    points = [((i * 7919) % 1_000 - 500, (i * 104_729) % 1_000 - 500) for i in range(n)]
    result = closest(points, n // 2)
    assert len(result) == n // 2
    dist = [x * x + y * y for x, y in result]
    assert dist == sorted(dist)
    cutoff = dist[-1]
    assert sum(1 for x, y in points if x * x + y * y < cutoff) <= n // 2
