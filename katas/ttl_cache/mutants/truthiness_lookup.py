# Wrong: tests `if value:` after the lookup: stored None, 0 and "" come back as misses.
import time
from collections import OrderedDict


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
        expires_at, value = self._entries.get(key, (0, None))
        if value and expires_at > time.monotonic():
            return value
        return default

    def __contains__(self, key):
        return bool(self.get(key))

    def __len__(self):
        self._purge(time.monotonic())
        return len(self._entries)
