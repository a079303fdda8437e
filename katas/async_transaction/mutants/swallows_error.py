# Wrong: rolls back but forgets to re-raise: the body's exception disappears.
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(conn):
    await conn.begin()
    try:
        yield conn
    except BaseException:
        await conn.rollback()
    else:
        await conn.commit()
