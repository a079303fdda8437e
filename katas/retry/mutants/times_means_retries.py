# Wrong: treats `times` as the number of retries, so it calls the function times + 1 times
import functools
import time
from typing import Any, Callable


def retry(
    times: int = 3,
    exceptions: tuple[type[BaseException], ...] = (Exception,),
    backoff: float = 0.0,
    sleep: Callable[[float], Any] = time.sleep,
):
    """Decorator factory: call the function up to `times` times in all, until it
    returns instead of raising one of `exceptions`.

    Between attempts it waits backoff * 2 ** (attempt - 1) seconds through
    `sleep`: backoff, 2 * backoff, 4 * backoff, ... Any other exception
    propagates at once; when the last attempt fails, its exception is
    re-raised unchanged. At most `times` calls and `times - 1` sleeps.
    """
    if times < 1:
        raise ValueError(f"times must be at least 1, got {times!r}")

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(1, times + 2):
                try:
                    return fn(*args, **kwargs)
                except exceptions:
                    if attempt == times + 1:
                        raise  # the last attempt's exception, traceback and all
                    sleep(backoff * 2 ** (attempt - 1))
            raise AssertionError("unreachable")  # pragma: no cover

        return wrapper

    return decorator
