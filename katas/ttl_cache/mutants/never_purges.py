# Wrong: lazy expiry only: expired entries that nobody reads again are never dropped.
import time

_MISSING = object()


class TTLCache:
    def __init__(self, ttl, maxsize=None):
        if not ttl > 0 or (maxsize is not None and maxsize < 1):
            raise ValueError("bad arguments")
        self.ttl, self.maxsize = ttl, maxsize
        self._entries = {}

    def set(self, key, value):
        self._entries.pop(key, None)
        if self.maxsize is not None and len(self) >= self.maxsize:
            oldest = min(self._entries, key=lambda k: self._entries[k][0])
            del self._entries[oldest]
        self._entries[key] = (time.monotonic() + self.ttl, value)

    def get(self, key, default=None):
        entry = self._entries.get(key, _MISSING)
        if entry is _MISSING or entry[0] <= time.monotonic():
            return default
        return entry[1]

    def __contains__(self, key):
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self):
        now = time.monotonic()
        return sum(1 for expires_at, _ in self._entries.values() if expires_at > now)
