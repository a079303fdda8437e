# Wrong: evicts when full before looking at the key, so updating a key at capacity drops another
from collections import OrderedDict
from typing import Any, Hashable

_MISSING = object()


class LRUCache:
    """A mapping of at most `capacity` items that evicts the least recently used.

    An OrderedDict keeps the keys in recency order, least recent first:
    move_to_end() marks a key as just used and popitem(last=False) evicts the
    oldest, both O(1). get, put, len and `in` are O(1); memory is O(capacity).
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self.capacity = capacity
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the value for `key` and mark it as used, or `default` if absent."""
        value = self._items.get(key, _MISSING)
        if value is _MISSING:
            return default
        self._items.move_to_end(key)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        """Insert or update `key`, mark it as used, and evict the LRU item if over capacity."""
        if len(self._items) >= self.capacity:
            self._items.popitem(last=False)
        if key in self._items:
            self._items.move_to_end(key)
        self._items[key] = value

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        """Membership only: does not count as a use."""
        return key in self._items
