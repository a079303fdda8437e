# Wrong: records the time of every call, so a steady stream of calls never runs again
import functools
import time


def throttle(wait: float):
    """Decorator factory: let the decorated function run at most once per `wait` seconds.

    The first call runs at once; calls within `wait` seconds of the last call
    that ran are dropped and return None.
    """
    def decorator(fn):
        last_run = float("-inf")

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            nonlocal last_run
            now = time.monotonic()
            elapsed = now - last_run
            last_run = now
            if elapsed < wait:
                return None
            return fn(*args, **kwargs)

        return wrapper

    return decorator
