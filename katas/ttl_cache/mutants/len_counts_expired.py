# Wrong: len() counts every stored entry, expired ones included.
import time
from collections import OrderedDict

_MISSING = object()


class TTLCache:
    def __init__(self, ttl, maxsize=None):
        if not ttl > 0 or (maxsize is not None and maxsize < 1):
            raise ValueError("bad arguments")
        self.ttl, self.maxsize = ttl, maxsize
        self._entries = OrderedDict()

    def set(self, key, value):
        now = time.monotonic()
        self._entries.pop(key, None)
        while self._entries and next(iter(self._entries.values()))[0] <= now:
            self._entries.popitem(last=False)
        if self.maxsize is not None and len(self._entries) >= self.maxsize:
            self._entries.popitem(last=False)
        self._entries[key] = (now + self.ttl, value)

    def get(self, key, default=None):
        entry = self._entries.get(key, _MISSING)
        if entry is _MISSING or entry[0] <= time.monotonic():
            return default
        return entry[1]

    def __contains__(self, key):
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self):
        return len(self._entries)
