# Wrong: sleeps after every failure, including the last, then raises
import functools
import time
from typing import Any, Callable


def retry(times: int = 3, exceptions: tuple = (Exception,), backoff: float = 0.0,
          sleep: Callable[[float], Any] = time.sleep):
    if times < 1:
        raise ValueError(f"times must be at least 1, got {times!r}")

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            last: BaseException | None = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as exc:
                    last = exc
                    sleep(backoff * 2 ** (attempt - 1))
            assert last is not None
            raise last

        return wrapper

    return decorator
