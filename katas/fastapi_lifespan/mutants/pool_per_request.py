# Wrong: opens a new pool for every request instead of sharing the one the lifespan opened
"""A resource with the app's lifetime: opened at startup, closed at shutdown.

The lifespan is an async context manager: the code before `yield` runs once
when the server starts, before it accepts any request; the code after it
runs once when the server shuts down, after the last request. `finally`
makes sure the pool is closed even if the app stops because of an error.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

DATABASE_URL = "postgresql://app@localhost:5432/app"


class Pool:
    """A stand-in for a database connection pool (asyncpg's, say). Use it as it is."""

    def __init__(self, dsn: str, size: int = 5) -> None:
        self.dsn = dsn
        self.size = size
        self.is_open = False
        self.events: list[str] = []  # what happened to this pool, in order
        self._queries = 0

    async def open(self) -> None:
        if self.events:
            raise RuntimeError("a pool can be opened only once")
        self.is_open = True
        self.events.append("open")

    async def close(self) -> None:
        if not self.is_open:
            raise RuntimeError("the pool is not open")
        self.is_open = False
        self.events.append("close")

    async def fetch_value(self, query: str) -> int:
        """Run a query; this fake returns how many queries the pool has run, this one included."""
        if not self.is_open:
            raise RuntimeError("the pool is not open")
        self._queries += 1
        self.events.append(f"query {query}")
        return self._queries


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    pool = Pool(DATABASE_URL, size=5)
    await pool.open()
    app.state.pool = pool
    try:
        yield
    finally:
        await pool.close()


app = FastAPI(title="Pool demo", lifespan=lifespan)


@app.get("/ping")
async def ping(request: Request) -> dict[str, str | int]:
    pool = Pool(DATABASE_URL, size=5)
    await pool.open()
    queries = await pool.fetch_value("SELECT 1")
    await pool.close()
    return {"ping": "pong", "queries": queries}
