# Wrong: the wrapper hides the function's name and docstring (no functools.wraps)
import functools
import threading


def debounce(wait: float):
    """Decorator factory: run the decorated function once, `wait` seconds after
    the calls stop, with the arguments of the last call.

    Every call cancels the pending threading.Timer (if any) and starts a new
    one, so the timer only expires after a quiet period of `wait` seconds.
    Calls return None at once; the function runs later on the timer's thread.
    Each call is O(1) and each decorated function holds at most one pending
    timer. A lock makes cancel-and-restart atomic when callers race.
    """
    def decorator(fn):
        lock = threading.Lock()
        timer: threading.Timer | None = None

        def wrapper(*args, **kwargs) -> None:
            nonlocal timer
            with lock:
                if timer is not None:
                    timer.cancel()
                timer = threading.Timer(wait, fn, args, kwargs)
                timer.start()

        return wrapper

    return decorator
