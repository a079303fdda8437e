# Wrong: a plain dict evicting with next(iter(d)): each eviction walks past the holes earlier deletions left, O(n)
from typing import Any, Hashable

_MISSING = object()


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self.capacity = capacity
        self._items: dict[Hashable, Any] = {}

    def get(self, key: Hashable, default: Any = None) -> Any:
        value = self._items.pop(key, _MISSING)
        if value is _MISSING:
            return default
        self._items[key] = value  # re-insert: now the most recent
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._items.pop(key, None)
        self._items[key] = value
        if len(self._items) > self.capacity:
            del self._items[next(iter(self._items))]

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items
