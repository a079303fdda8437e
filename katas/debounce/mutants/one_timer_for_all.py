# Wrong: keeps the pending timer in the decorator factory, so debouncing one function cancels another's run
import functools
import threading


def debounce(wait: float):
    lock = threading.Lock()
    timer: threading.Timer | None = None

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs) -> None:
            nonlocal timer
            with lock:
                if timer is not None:
                    timer.cancel()
                timer = threading.Timer(wait, fn, args, kwargs)
                timer.start()

        return wrapper

    return decorator
