# Wrong: also runs the last dropped call when the window ends (a timer): that is throttle with a trailing edge
import functools
import threading
import time


def throttle(wait: float):
    def decorator(fn):
        last_run = float("-inf")
        pending: threading.Timer | None = None

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            nonlocal last_run, pending
            now = time.monotonic()
            if now - last_run < wait:
                if pending is not None:
                    pending.cancel()
                pending = threading.Timer(wait, fn, args, kwargs)
                pending.daemon = True
                pending.start()
                return None
            last_run = now
            return fn(*args, **kwargs)

        return wrapper

    return decorator
