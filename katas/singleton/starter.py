from typing import Any


class Singleton(type):
    """Metaclass: every class created with metaclass=Singleton has one instance.

    >>> class Config(metaclass=Singleton):
    ...     pass
    >>> Config() is Config()
    True
    """

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("write Singleton.__call__")
