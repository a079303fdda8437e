# Wrong: commits in `finally`: a failed body is committed too.
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(conn):
    await conn.begin()
    try:
        yield conn
    finally:
        await conn.commit()
