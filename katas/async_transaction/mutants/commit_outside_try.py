# Wrong: commits after the try: a commit that fails is never rolled back.
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(conn):
    await conn.begin()
    try:
        yield conn
    except BaseException:
        await conn.rollback()
        raise
    await conn.commit()
