import copy

import pytest

from course_schedule import find_order


def order_of(num_courses, prerequisites):
    before = copy.deepcopy(prerequisites)
    result = find_order(num_courses, prerequisites)
    assert prerequisites == before, "find_order must not modify prerequisites"
    return result


def assert_valid(num_courses, prerequisites):
    order = order_of(num_courses, prerequisites)
    assert type(order) is list, f"expected a list of courses, got {type(order).__name__}: {order!r}"
    assert all(type(c) is int for c in order), f"courses must be ints: {order!r}"
    assert sorted(order) == list(range(num_courses)), (
        f"every course exactly once: expected {num_courses} courses, got {order!r}"[:300]
    )
    position = {course: i for i, course in enumerate(order)}
    for course, needed in prerequisites:
        assert position[needed] < position[course], f"course {needed} must come before {course}: {order!r}"[:300]


def assert_impossible(num_courses, prerequisites):
    result = order_of(num_courses, prerequisites)
    assert result is None, f"the prerequisites form a cycle, so expected None, got {result!r}"


def test_two_courses():
    assert order_of(2, [[1, 0]]) == [0, 1]


def test_diamond():
    assert_valid(4, [[1, 0], [2, 0], [3, 1], [3, 2]])


def test_no_prerequisites():
    assert_valid(3, [])


def test_zero_courses():
    assert order_of(0, []) == []


def test_courses_without_any_pair_are_included():
    assert_valid(6, [[2, 1], [4, 3]])


def test_simple_cycle():
    assert_impossible(2, [[1, 0], [0, 1]])


def test_self_loop():
    assert_impossible(1, [[0, 0]])
    assert_impossible(3, [[1, 0], [2, 2]])


def test_cycle_behind_valid_courses():
    # 0 is fine, but 1 -> 2 -> 3 -> 1 is a cycle and 4 depends on it.
    assert_impossible(5, [[1, 0], [2, 1], [3, 2], [1, 3], [4, 3]])


def test_diamond_reached_twice_is_not_a_cycle():
    # 3 is reached from 0 through 1 and through 2.
    assert_valid(5, [[1, 0], [2, 0], [3, 1], [3, 2], [4, 3], [4, 0]])


def test_repeated_pairs():
    assert_valid(3, [[1, 0], [1, 0], [2, 1], [2, 1]])


def test_order_goes_the_right_way():
    # 0 needs 1, 1 needs 2: the only order is 2, 1, 0.
    assert order_of(3, [[0, 1], [1, 2]]) == [2, 1, 0]


def test_disconnected_parts():
    assert_valid(8, [[1, 0], [2, 1], [5, 4], [6, 4], [7, 5], [7, 6]])
    assert_impossible(8, [[1, 0], [2, 1], [5, 4], [4, 5]])


@pytest.mark.parametrize("shift", [0, 3, 7])
def test_layered_graph(shift):
    n = 12
    pairs = [[(i + shift) % n, (j + shift) % n] for i in range(n) for j in range(i) if (i * j) % 3 == 1]
    assert_valid(n, pairs)


@pytest.mark.timeout(2)
def test_long_chain_in_linear_time():
    # 30,000 courses, each needing the previous one, listed backwards: a quadratic
    # rescan does ~450 million checks here, far past the budget even on a fast machine.
    n = 30_000
    pairs = [[i, i - 1] for i in range(n - 1, 0, -1)]
    assert order_of(n, pairs) == list(range(n))
    assert order_of(n, pairs + [[0, n - 1]]) is None
