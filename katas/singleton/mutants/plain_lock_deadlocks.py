# Wrong: uses a plain Lock: a singleton whose __init__ constructs another singleton deadlocks
import threading
from typing import Any


class Singleton(type):
    """Metaclass: every class created with metaclass=Singleton has one instance.

    Cls() goes through the metaclass's __call__, which builds the instance
    (running __new__ and __init__) only the first time. Instances are keyed by
    the class itself, so a subclass gets its own. Construction is serialised
    by a re-entrant lock, double-checked so that the common path (the instance
    exists) takes no lock; re-entrant so that one singleton's __init__ may
    construct another. O(1) per call.
    """

    _instances: dict[type, Any] = {}
    _lock = threading.Lock()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        instances = Singleton._instances  # not cls._instances: a class may define that name
        try:
            return instances[cls]
        except KeyError:
            pass
        with Singleton._lock:
            if cls not in instances:  # another thread may have built it while we waited
                instances[cls] = super().__call__(*args, **kwargs)
            return instances[cls]
