# Wrong: get() refreshes the entry's expiry: reading keeps an entry alive forever.
import time
from collections import OrderedDict

_MISSING = object()


class TTLCache:
    def __init__(self, ttl, maxsize=None):
        if not ttl > 0 or (maxsize is not None and maxsize < 1):
            raise ValueError("bad arguments")
        self.ttl, self.maxsize = ttl, maxsize
        self._entries = OrderedDict()

    def _purge(self, now):
        while self._entries and next(iter(self._entries.values()))[0] <= now:
            self._entries.popitem(last=False)

    def set(self, key, value):
        now = time.monotonic()
        self._entries.pop(key, None)
        self._purge(now)
        if self.maxsize is not None and len(self._entries) >= self.maxsize:
            self._entries.popitem(last=False)
        self._entries[key] = (now + self.ttl, value)

    def get(self, key, default=None):
        entry = self._entries.get(key, _MISSING)
        now = time.monotonic()
        if entry is _MISSING or entry[0] <= now:
            return default
        self._entries[key] = (now + self.ttl, entry[1])
        self._entries.move_to_end(key)
        return entry[1]

    def __contains__(self, key):
        entry = self._entries.get(key, _MISSING)
        return entry is not _MISSING and entry[0] > time.monotonic()

    def __len__(self):
        self._purge(time.monotonic())
        return len(self._entries)
