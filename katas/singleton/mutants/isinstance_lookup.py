# Wrong: finds the instance with isinstance, so a subclass returns its parent's instance
import threading
from typing import Any


class Singleton(type):
    _instances: list[Any] = []
    _lock = threading.RLock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        with Singleton._lock:
            for instance in Singleton._instances:
                if isinstance(instance, cls):
                    return instance
            instance = super().__call__(*args, **kwargs)
            Singleton._instances.append(instance)
            return instance
