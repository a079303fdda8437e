from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


@asynccontextmanager
async def transaction(conn: Any) -> AsyncIterator[Any]:
    """Begin a transaction on conn; commit if the body succeeds, roll back if it raises."""
    raise NotImplementedError("write transaction")
    yield conn  # makes this an async generator
