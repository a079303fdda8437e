from collections.abc import Hashable
from typing import Any


class TTLCache:
    """A cache whose entries expire `ttl` seconds after they were set."""

    def __init__(self, ttl: float, maxsize: int | None = None) -> None:
        self.ttl = ttl
        self.maxsize = maxsize

    def set(self, key: Hashable, value: Any) -> None:
        """Store `value`; the entry expires `ttl` seconds from now."""
        raise NotImplementedError("write set()")

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The live value for `key`, or `default` if absent or expired."""
        raise NotImplementedError("write get()")

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError("write __contains__()")

    def __len__(self) -> int:
        raise NotImplementedError("write __len__()")
