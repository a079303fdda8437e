# Wrong: recurses without a memo: shared references become separate copies and a cycle recurses forever
from typing import Any


def deep_copy(obj: Any) -> Any:
    if isinstance(obj, list):
        return [deep_copy(item) for item in obj]
    if isinstance(obj, dict):
        return {deep_copy(k): deep_copy(v) for k, v in obj.items()}
    if isinstance(obj, set):
        return {deep_copy(item) for item in obj}
    if isinstance(obj, tuple):
        return tuple(deep_copy(item) for item in obj)
    if isinstance(obj, frozenset):
        return frozenset(deep_copy(item) for item in obj)
    return obj
