# Wrong: sweeps every entry for expired ones on each set(): O(n) per call.
import time

_MISSING = object()


class TTLCache:
    def __init__(self, ttl, maxsize=None):
        if not ttl > 0 or (maxsize is not None and maxsize < 1):
            raise ValueError("bad arguments")
        self.ttl, self.maxsize = ttl, maxsize
        self._entries = {}

    def set(self, key, value):
        now = time.monotonic()
        self._entries.pop(key, None)
        for k in [k for k, (expires_at, _) in self._entries.items() if expires_at <= now]:
            del self._entries[k]
        if self.maxsize is not None and len(self._entries) >= self.maxsize:
            del self._entries[next(iter(self._entries))]
        self._entries[key] = (now + self.ttl, value)

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
