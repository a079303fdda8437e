from typing import Any, Hashable


class LRUCache:
    """A mapping of at most `capacity` items that evicts the least recently used."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the value for `key` and mark it as just used, or `default` if absent."""
        raise NotImplementedError("write get()")

    def put(self, key: Hashable, value: Any) -> None:
        """Insert or update `key` and mark it as just used; evict the least
        recently used item when the cache grows past `capacity`."""
        raise NotImplementedError("write put()")

    def __len__(self) -> int:
        raise NotImplementedError("write __len__()")

    def __contains__(self, key: object) -> bool:
        """Is `key` cached? A peek: it does not count as a use."""
        raise NotImplementedError("write __contains__()")
