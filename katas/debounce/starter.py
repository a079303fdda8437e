def debounce(wait: float):
    """Decorator factory: run the decorated function once, `wait` seconds after
    the calls stop, with the arguments of the last call.

    Each call (re)starts a `wait`-second timer and returns None at once. When
    the timer expires, the function runs with that last call's positional and
    keyword arguments.
    """
    def decorator(fn):
        def wrapper(*args, **kwargs) -> None:
            raise NotImplementedError("write the debounce")
        return wrapper
    return decorator
