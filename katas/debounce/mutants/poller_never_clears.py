# Wrong: a polling thread runs the pending call after a quiet period but never clears it, so it runs again and again
import functools
import threading
import time


def debounce(wait: float):
    def decorator(fn):
        lock = threading.Lock()
        state: dict = {"last_call": None, "args": (), "kwargs": {}, "thread": None}

        def poll() -> None:
            while True:
                time.sleep(wait / 2)
                with lock:
                    last_call = state["last_call"]
                    args, kwargs = state["args"], state["kwargs"]
                if last_call is not None and time.monotonic() - last_call >= wait:
                    fn(*args, **kwargs)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs) -> None:
            with lock:
                state.update(last_call=time.monotonic(), args=args, kwargs=kwargs)
                if state["thread"] is None:
                    state["thread"] = threading.Thread(target=poll, daemon=True)
                    state["thread"].start()

        return wrapper

    return decorator
