# Wrong: registers the instance before __init__ runs, so an __init__ that raises leaves a half-built instance behind
import threading
from typing import Any


class Singleton(type):
    _instances: dict[type, Any] = {}
    _lock = threading.RLock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        with Singleton._lock:
            if cls not in Singleton._instances:
                instance = cls.__new__(cls, *args, **kwargs)
                Singleton._instances[cls] = instance
                instance.__init__(*args, **kwargs)
            return Singleton._instances[cls]
