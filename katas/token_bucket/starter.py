class TokenBucket:
    """A bucket of up to `capacity` tokens, refilled at `rate` tokens per second."""

    def __init__(self, capacity: float, rate: float) -> None:
        self.capacity = capacity
        self.rate = rate

    def allow(self, tokens: float = 1) -> bool:
        """Take `tokens` from the bucket and return True if it holds that many;
        otherwise return False and take nothing."""
        raise NotImplementedError("write allow()")
