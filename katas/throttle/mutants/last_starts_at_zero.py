# Wrong: starts `last_run` at 0: with time.monotonic(), which starts near zero after a boot, the first call is dropped
import functools
import time


def throttle(wait: float):
    """Decorator factory: let the decorated function run at most once per `wait` seconds.

    The first call runs at once; calls within `wait` seconds of the last call
    that ran are dropped and return None.
    """
    def decorator(fn):
        last_run = 0.0

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            nonlocal last_run
            now = time.monotonic()
            if now - last_run < wait:
                return None
            last_run = now
            return fn(*args, **kwargs)

        return wrapper

    return decorator
