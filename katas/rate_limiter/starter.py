class RateLimiter:
    """Allow at most `limit` requests in any sliding window of `window` seconds."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window

    def allow(self) -> bool:
        """Return True if a request may go ahead now, False if it is rejected."""
        raise NotImplementedError("write allow()")
