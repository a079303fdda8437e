from typing import Any


def deep_copy(obj: Any) -> Any:
    """Copy nested dicts, lists, tuples, sets and frozensets all the way down,
    without the copy module.

    Shared references stay shared in the copy, cycles are reproduced, and
    anything that is not one of those containers is returned as it is.
    """
    raise NotImplementedError("write deep_copy")
