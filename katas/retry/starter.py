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

    Between attempts, wait backoff * 2 ** (attempt - 1) seconds by calling
    `sleep`. Other exceptions propagate at once; when the last attempt fails,
    re-raise its exception.
    """
    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            raise NotImplementedError("write retry")
        return wrapper
    return decorator
