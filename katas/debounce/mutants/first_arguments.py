# Wrong: keeps the first call's arguments for the delayed run instead of the last call's
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
        first: tuple | None = None

        def fire() -> None:
            nonlocal first
            args, kwargs = first if first is not None else ((), {})
            first = None
            fn(*args, **kwargs)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs) -> None:
            nonlocal timer, first
            with lock:
                if timer is not None:
                    timer.cancel()
                if first is None:
                    first = (args, kwargs)
                timer = threading.Timer(wait, fire)
                timer.start()

        return wrapper

    return decorator
