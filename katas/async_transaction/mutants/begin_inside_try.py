# Wrong: begins inside the try: a failed begin() is "rolled back" on a transaction that never started.
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(conn):
    try:
        await conn.begin()
        yield conn
        await conn.commit()
    except BaseException:
        await conn.rollback()
        raise
