"""Tests for flatten."""

import pytest

from flatten import flatten



def flat(nested):
    result = flatten(nested)
    assert iter(result) is result, "flatten must return an iterator (a generator), not a list"
    return list(result)


def test_flattens_nested_lists():
    assert flat([1, [2, [3, 4]], 5]) == [1, 2, 3, 4, 5]


def test_flattens_tuples_too():
    assert flat([1, (2, 3), [(4,), 5]]) == [1, 2, 3, 4, 5]
    assert flat((6, [7, (8,)])) == [6, 7, 8]


def test_a_flat_list_stays_the_same():
    assert flat(["a", "b", "c"]) == ["a", "b", "c"]


def test_empty_containers_vanish():
    assert flat([]) == []
    assert flat([[], [[]], (), [(), [[]]]]) == []
    assert flat([[], 1, [[]], 2, ()]) == [1, 2]


def test_order_is_depth_first_left_to_right():
    assert flat([[1, [2]], 3, [[4, [5, (6,)]], 7], 8]) == [1, 2, 3, 4, 5, 6, 7, 8]


def test_strings_and_bytes_are_not_split():
    assert flat(["ab", ["cd", [b"ef"]], "g", ""]) == ["ab", "cd", b"ef", "g", ""]


def test_other_objects_are_yielded_as_they_are():
    mapping, numbers, frozen, span = {"k": [1, 2]}, {3, 4}, frozenset({5}), range(3)

    class Point:
        pass

    point = Point()
    result = flat([mapping, [numbers, (frozen, [span])], point])
    assert len(result) == 5, f"dicts, sets, ranges and objects are single items: got {result!r}"
    for got, expected in zip(result, [mapping, numbers, frozen, span, point]):
        assert got is expected


def test_falsy_items_are_kept():
    result = flat([0, [None, [False, ""]], [[]], 0.0])
    assert [type(x) for x in result] == [int, type(None), bool, str, float], result
    assert result == [0, None, False, "", 0.0]


def test_a_list_referenced_twice_is_flattened_twice():
    inner = [1, 2]
    assert flat([inner, [inner], (inner,)]) == [1, 2, 1, 2, 1, 2]


def test_the_input_is_not_modified():
    inner = [2, [3]]
    data = [1, inner, (4, [5])]
    flat(data)
    assert data == [1, [2, [3]], (4, [5])]
    assert data[1] is inner and inner == [2, [3]]


def test_deep_nesting():
    data = []
    level = data
    for i in range(200):  # [0, [1, [2, ... [199, []]]]]
        deeper = []
        level.extend([i, deeper])
        level = deeper
    assert flat(data) == list(range(200))


@pytest.mark.timeout(1)
def test_is_lazy():
    # 41 lists, but 2**40 (about a trillion) leaves: nobody can walk it all,
    # yet a generator hands out the first items at once.
    tree = ["leaf"]
    for _ in range(40):
        tree = [tree, tree]
    result = flatten(["first", tree, "never reached"])
    assert next(result) == "first"
    assert next(result) == "leaf"
