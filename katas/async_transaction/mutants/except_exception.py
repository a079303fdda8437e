# Wrong: catches Exception only: a cancelled task (CancelledError is a BaseException) neither commits nor rolls back.
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(conn):
    await conn.begin()
    try:
        yield conn
        await conn.commit()
    except Exception:
        await conn.rollback()
        raise
