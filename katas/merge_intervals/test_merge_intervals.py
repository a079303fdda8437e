import copy
import random

import pytest

from merge_intervals import merge_intervals


def merged(intervals):
    """Call the solution; check the input is unchanged and the result is a list of [int, int] lists."""
    before = copy.deepcopy(intervals)
    result = merge_intervals(intervals)
    assert intervals == before, f"the input was modified: {before!r} became {intervals!r}"
    assert type(result) is list, f"expected a list, got {type(result).__name__}: {result!r}"
    for pair in result:
        assert type(pair) is list, f"each interval must be a list, got {type(pair).__name__}: {pair!r}"
        assert len(pair) == 2, f"each interval must be [start, end], got {pair!r}"
        assert all(type(x) is int for x in pair), f"start and end must be ints, got {pair!r}"
    return result


def test_example():
    assert merged([[1, 3], [2, 6], [8, 10], [15, 18]]) == [[1, 6], [8, 10], [15, 18]]


def test_touching_intervals_merge():
    assert merged([[1, 2], [2, 3]]) == [[1, 3]]
    assert merged([[0, 0], [0, 4], [4, 4]]) == [[0, 4]]


def test_a_gap_of_one_keeps_them_apart():
    assert merged([[1, 2], [3, 4]]) == [[1, 2], [3, 4]]
    assert merged([[1, 1], [2, 2]]) == [[1, 1], [2, 2]]


def test_unsorted_input():
    assert merged([[8, 10], [1, 3], [2, 6]]) == [[1, 6], [8, 10]]
    assert merged([[15, 18], [8, 10], [1, 3]]) == [[1, 3], [8, 10], [15, 18]]


def test_nested_interval_does_not_shrink_the_group():
    assert merged([[1, 10], [2, 3], [4, 5]]) == [[1, 10]]
    assert merged([[1, 5], [2, 3], [4, 8]]) == [[1, 8]]


def test_same_start():
    assert merged([[1, 4], [1, 2]]) == [[1, 4]]
    assert merged([[1, 2], [1, 4], [6, 7]]) == [[1, 4], [6, 7]]


def test_chain_of_merges():
    assert merged([[1, 2], [2, 3], [3, 4], [4, 5]]) == [[1, 5]]


def test_late_interval_bridges_two_groups():
    # Sorted, [2, 5] comes second and joins [1, 2] with [5, 6].
    assert merged([[1, 2], [5, 6], [2, 5]]) == [[1, 6]]
    assert merged([[5, 6], [1, 2], [9, 9], [3, 5]]) == [[1, 2], [3, 6], [9, 9]]


def test_duplicates_and_points():
    assert merged([[5, 5], [5, 5]]) == [[5, 5]]
    assert merged([[2, 3], [2, 3], [2, 3]]) == [[2, 3]]
    assert merged([[7, 7]]) == [[7, 7]]


def test_negatives():
    assert merged([[-5, -1], [-3, 2], [4, 4], [-10, -8]]) == [[-10, -8], [-5, 2], [4, 4]]


def test_big_ints():
    big = 10**18
    assert merged([[big, big + 5], [-big, 0], [big + 5, big + 9]]) == [[-big, 0], [big, big + 9]]


def test_empty():
    assert merged([]) == []


def test_single_interval():
    assert merged([[3, 9]]) == [[3, 9]]


def test_input_not_modified_when_merging():
    # merged() checks the input after every call; these inputs invite
    # changing an input list's end in place.
    merged([[1, 3], [2, 6]])
    merged([[4, 9], [1, 5]])
    merged([[1, 3], [3, 4], [2, 10]])


def test_result_shares_no_lists_with_the_input():
    intervals = [[1, 2], [4, 5], [7, 9]]
    result = merged(intervals)
    assert result == [[1, 2], [4, 5], [7, 9]]
    assert result is not intervals, "return a new list, not the input itself"
    for pair in result:
        assert all(pair is not original for original in intervals), (
            "the result holds one of the input's own lists: changing the result would change the input"
        )
    result[0][1] = 100
    assert intervals[0] == [1, 2]


def brute_force(intervals):
    """Group intervals connected by a chain of overlaps (touching counts), pair by pair."""
    groups = []
    for s, e in intervals:
        joined = [g for g in groups if any(s <= ge and gs <= e for gs, ge in g)]
        for g in joined:
            groups.remove(g)
        groups.append(sum(joined, []) + [(s, e)])
    return sorted([min(s for s, _ in g), max(e for _, e in g)] for g in groups)


def test_matches_a_brute_force():
    rng = random.Random(20260101)
    for _ in range(300):
        intervals = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(-6, 6)
            intervals.append([start, start + rng.randint(0, 4)])
        assert merged(intervals) == brute_force(intervals), f"input: {intervals!r}"


@pytest.mark.timeout(1)
def test_n_log_n_time():
    # 20,000 separate groups of three overlapping pieces, shuffled. Checking
    # each interval against every group found so far takes hundreds of
    # millions of steps; sorting first takes a fraction of a second.
    rng = random.Random(42)
    intervals = []
    for block in range(20_000):
        base = block * 10
        intervals += [[base, base + 3], [base + 2, base + 5], [base + 5, base + 6]]
    rng.shuffle(intervals)
    result = merge_intervals(intervals)
    assert type(result) is list, f"expected a list, got {type(result).__name__}"
    expected = [[b * 10, b * 10 + 6] for b in range(20_000)]
    if result != expected:  # report the first difference, not a 20,000-line diff
        assert len(result) == len(expected), f"expected {len(expected)} intervals, got {len(result)}"
        i = next(i for i, (got, want) in enumerate(zip(result, expected)) if got != want)
        pytest.fail(f"interval {i}: expected {expected[i]!r}, got {result[i]!r}")
