# Wrong: calls conn.commit() without await: the coroutine is created and never runs.
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(conn):
    await conn.begin()
    try:
        yield conn
    except BaseException:
        await conn.rollback()
        raise
    conn.commit()
