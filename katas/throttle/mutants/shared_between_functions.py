# Wrong: keeps the last run time in the decorator factory, so functions decorated by one throttle(1) share it
import functools
import time


def throttle(wait: float):
    last_run = float("-inf")

    def decorator(fn):
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
