# Wrong: stores one instance on the metaclass, so every singleton class returns the first class's instance
import threading
from typing import Any


class Singleton(type):
    _instance: Any = None
    _lock = threading.RLock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        with Singleton._lock:
            if Singleton._instance is None:
                Singleton._instance = super().__call__(*args, **kwargs)
            return Singleton._instance
