# Wrong: keeps the recency order in a list, so every use pays list.remove(): O(n)
from typing import Any, Hashable

_MISSING = object()


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self.capacity = capacity
        self._items: dict[Hashable, Any] = {}
        self._order: list[Hashable] = []

    def get(self, key: Hashable, default: Any = None) -> Any:
        if key not in self._items:
            return default
        self._order.remove(key)
        self._order.append(key)
        return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._items:
            self._order.remove(key)
        self._items[key] = value
        self._order.append(key)
        if len(self._items) > self.capacity:
            oldest = self._order.pop(0)
            del self._items[oldest]

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items
