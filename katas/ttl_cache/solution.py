import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

_MISSING = object()


class TTLCache:
    """A cache whose entries expire `ttl` seconds after they were set.

    Every entry lives for the same ttl, so the order of the last set() is
    the order of expiry: an OrderedDict keeps the entry that expires first
    at the front, and purging pops from there. Every operation is O(1)
    amortised; expired entries are dropped on the next set() or len().
    """

    def __init__(self, ttl: float, maxsize: int | None = None) -> None:
        if not ttl > 0:
            raise ValueError(f"ttl must be positive, got {ttl!r}")
        if maxsize is not None and maxsize < 1:
            raise ValueError(f"maxsize must be at least 1, got {maxsize!r}")
        self.ttl = ttl
        self.maxsize = maxsize
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()

    def _purge(self, now: float) -> None:
        while self._entries:
            expires_at, _ = next(iter(self._entries.values()))
            if expires_at > now:
                break
            self._entries.popitem(last=False)

    def set(self, key: Hashable, value: Any) -> None:
        """Store `value`; the entry expires `ttl` seconds from now."""
        now = time.monotonic()
        self._entries.pop(key, None)  # a new set goes to the back
        self._purge(now)
        if self.maxsize is not None and len(self._entries) >= self.maxsize:
            self._entries.popitem(last=False)  # expires soonest
        self._entries[key] = (now + self.ttl, value)

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The live value for `key`, or `default` if absent or expired."""
        entry = self._entries.get(key, _MISSING)
        if entry is _MISSING:
            return default
        expires_at, value = entry
        if expires_at <= time.monotonic():
            del self._entries[key]
            return default
        return value

    def __contains__(self, key: object) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self) -> int:
        self._purge(time.monotonic())
        return len(self._entries)
