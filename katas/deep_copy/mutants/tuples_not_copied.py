# Wrong: only copies lists, dicts and sets: tuples and frozensets are returned as they are, so a list inside a tuple is shared
from typing import Any

_CONTAINERS = (list, dict, set)


def deep_copy(obj: Any) -> Any:
    """Copy nested dicts, lists, tuples, sets and frozensets all the way down.

    A memo maps id(original container) -> its copy, so a container reached
    twice is copied once: shared references stay shared and cycles end.
    Mutable containers are registered in the memo *before* their contents are
    copied, which is what lets a cycle find its way back to the new object.
    Anything else is returned as it is. O(n) time and memory for n objects
    reachable from obj; the recursion is as deep as the nesting.
    """
    return _copy(obj, {})


def _copy(obj: Any, memo: dict[int, Any]) -> Any:
    kind = type(obj)
    if kind not in _CONTAINERS:
        return obj  # ints, strings, None, ... and any other object: shared, not copied
    key = id(obj)
    found = memo.get(key)
    if found is not None:
        return found
    if kind is list:
        new_list: list[Any] = []
        memo[key] = new_list
        new_list.extend(_copy(item, memo) for item in obj)
        return new_list
    if kind is dict:
        new_dict: dict[Any, Any] = {}
        memo[key] = new_dict
        for k, value in obj.items():
            new_dict[_copy(k, memo)] = _copy(value, memo)
        return new_dict
    if kind is set:
        new_set: set[Any] = set()
        memo[key] = new_set
        new_set.update(_copy(item, memo) for item in obj)
        return new_set
    # tuple or frozenset: immutable, so it can only be built once its items
    # are copied. If one of them leads back here (a tuple inside a cycle
    # through a list), that inner visit has already built and registered
    # the copy: return it rather than make a second one.
    items = [_copy(item, memo) for item in obj]
    found = memo.get(key)
    if found is not None:
        return found
    new = kind(items)
    memo[key] = new
    return new
