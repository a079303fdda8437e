def throttle(wait: float):
    """Decorator factory: let the decorated function run at most once per `wait` seconds.

    The first call runs at once; calls within `wait` seconds of the last call
    that ran are dropped and return None.
    """
    def decorator(fn):
        def wrapper(*args, **kwargs):
            raise NotImplementedError("write the throttle")
        return wrapper
    return decorator
