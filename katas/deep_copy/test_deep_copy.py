"""Tests for deep_copy. The copy module (and a pickle or marshal round trip)
is switched off for every test: deep_copy must do the work itself."""

import copy
import marshal
import pickle

import pytest

import deep_copy as solution
from deep_copy import deep_copy

SHORTCUTS = [(copy, "copy"), (copy, "deepcopy"), (pickle, "dumps"), (pickle, "loads"),
             (marshal, "dumps"), (marshal, "loads")]


@pytest.fixture(autouse=True)
def no_shortcuts(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("write deep_copy yourself, without copy, pickle or marshal")

    originals = [getattr(module, name) for module, name in SHORTCUTS]
    for module, name in SHORTCUTS:
        monkeypatch.setattr(module, name, forbidden)
    for name, value in list(vars(solution).items()):  # from copy import deepcopy
        if any(value is original for original in originals):
            monkeypatch.setattr(solution, name, forbidden)



MUTABLE = (list, dict, set)


def assert_deep_copy(result, original, path="obj"):
    """Same types and values all the way down; new objects for every mutable
    container (and every tuple holding one). For structures without cycles."""
    assert type(result) is type(original), f"{path}: expected {type(original).__name__}, got {result!r}"
    if type(original) in MUTABLE:
        assert result is not original, f"{path}: the copy shares this {type(original).__name__} with the original"
    if type(original) is list or type(original) is tuple:
        assert len(result) == len(original), f"{path}: {result!r} != {original!r}"
        for i, (r, o) in enumerate(zip(result, original)):
            assert_deep_copy(r, o, f"{path}[{i}]")
    elif type(original) is dict:
        assert list(result) == list(original), f"{path}: keys {list(result)!r} != {list(original)!r}"
        for key in original:
            assert_deep_copy(result[key], original[key], f"{path}[{key!r}]")
    else:
        assert result == original, f"{path}: {result!r} != {original!r}"


def test_copies_a_nested_structure():
    original = {
        "users": [{"name": "ada", "tags": ["admin"]}, {"name": "bob", "tags": []}],
        "point": (1, [2, 3]),
        "ids": {4, 5},
        "frozen": frozenset({"x"}),
        "count": 6,
    }
    assert_deep_copy(deep_copy(original), original)


def test_changing_the_copy_leaves_the_original_alone():
    original = {"list": [1, [2]], "dict": {"k": [3]}, "set": {4}, "tuple": ([5],)}
    result = deep_copy(original)
    result["list"][1].append("new")
    result["dict"]["k"].append("new")
    result["set"].add("new")
    result["tuple"][0].append("new")
    assert original == {"list": [1, [2]], "dict": {"k": [3]}, "set": {4}, "tuple": ([5],)}


@pytest.mark.parametrize("atom", [0, 2.5, 10**30, 1j, "text", b"bytes", None, True, range(3)],
                         ids=["int", "float", "big int", "complex", "str", "bytes", "None", "bool", "range"])
def test_atoms_come_back_as_they_are(atom):
    assert deep_copy(atom) is atom
    assert deep_copy([atom])[0] is atom


def test_other_objects_are_not_copied():
    class Config:
        pass

    config = Config()
    result = deep_copy({"config": config, "more": [config]})
    assert result["config"] is config
    assert result["more"][0] is config


@pytest.mark.parametrize("empty", [[], {}, set()], ids=["list", "dict", "set"])
def test_empty_mutable_containers_are_new(empty):
    result = deep_copy(empty)
    assert type(result) is type(empty)
    assert result is not empty
    assert result == empty


def test_immutable_containers_keep_their_type():
    for original in [(), (1, "a"), frozenset(), frozenset({1, (2, 3)}), ((1,), (2, (3,)))]:
        result = deep_copy(original)
        assert type(result) is type(original)
        assert result == original


def test_a_tuple_holding_a_list_is_new():
    original = ([1, 2], "label")
    result = deep_copy(original)
    assert type(result) is tuple and result == original
    assert result is not original
    assert result[0] is not original[0]


def test_dict_keys_and_order_are_kept():
    original = {"z": 1, 2: "two", (3, 4): [5], frozenset({6}): None, None: 0}
    result = deep_copy(original)
    assert list(result.items()) == list(original.items())
    assert result[(3, 4)] is not original[(3, 4)]


def test_shared_references_stay_shared():
    inner = [1, 2]
    mapping = {"k": "v"}
    original = [inner, inner, {"again": inner, "m": mapping}, (mapping,)]
    result = deep_copy(original)
    assert result[0] is not inner
    assert result[0] is result[1] is result[2]["again"], "one shared list must give one new list, shared"
    assert result[2]["m"] is result[3][0]
    assert result[2]["m"] is not mapping
    result[0].append(3)
    assert inner == [1, 2]


def test_a_list_that_contains_itself():
    original = [1]
    original.append(original)
    result = deep_copy(original)
    assert type(result) is list and result is not original
    assert result[0] == 1
    assert result[1] is result, "the copy must contain itself, as the original does"


def test_a_dict_that_contains_itself():
    original = {"name": "root"}
    original["self"] = original
    result = deep_copy(original)
    assert result is not original
    assert result["self"] is result
    assert result["name"] == "root"


def test_a_cycle_between_containers():
    parent = {"name": "parent", "children": []}
    child = {"name": "child", "parent": parent}
    parent["children"].append(child)
    result = deep_copy(parent)
    new_child = result["children"][0]
    assert new_child is not child
    assert new_child["parent"] is result
    assert result["children"] is not parent["children"]


def test_a_cycle_through_a_tuple():
    box = []
    original = (box, "label")
    box.append(original)  # the tuple holds a list that holds the tuple
    result = deep_copy(original)
    assert type(result) is tuple and result is not original
    assert result[0] is not box and result[1] == "label"
    assert result[0][0] is result, "the copied list must hold the copied tuple itself"


def test_the_original_is_not_modified():
    shared = [3]
    original = {"a": [1, (2, shared)], "b": shared, "c": {4}}
    before = repr(original)
    deep_copy(original)
    assert repr(original) == before
    assert original["a"][1][1] is shared and original["b"] is shared


def test_deep_nesting():
    original = leaf = []
    for i in range(200):
        deeper = [i]
        leaf.append(deeper)
        leaf = deeper
    assert_deep_copy(deep_copy(original), original)


@pytest.mark.timeout(1)
def test_many_containers():
    # 10,000 small containers, each referenced twice: a memo that is a list
    # searched from the front makes this quadratic; a dict keeps it linear.
    rows = [[i, {"i": i}] for i in range(5_000)]
    original = {"rows": rows, "again": rows[::-1]}
    result = deep_copy(original)
    assert result["rows"][0] is result["again"][-1]
    assert result["rows"][123] == [123, {"i": 123}] and result["rows"][123] is not rows[123]
