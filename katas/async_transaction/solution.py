from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


@asynccontextmanager
async def transaction(conn: Any) -> AsyncIterator[Any]:
    """Begin a transaction on conn; commit if the body succeeds, roll back if it raises.

    BaseException, not Exception: a cancelled task (asyncio.CancelledError)
    must roll back too. The commit sits inside the try, so a failed commit
    is rolled back as well; the bare `raise` re-raises the same exception.
    """
    await conn.begin()
    try:
        yield conn
        await conn.commit()
    except BaseException:
        await conn.rollback()
        raise
