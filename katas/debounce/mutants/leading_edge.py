# Wrong: runs on the first call and drops calls for `wait` seconds: that is a throttle, not a debounce
import functools
import time


def debounce(wait: float):
    def decorator(fn):
        last = float("-inf")

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            nonlocal last
            now = time.monotonic()
            if now - last >= wait:
                last = now
                return fn(*args, **kwargs)
            return None

        return wrapper

    return decorator
