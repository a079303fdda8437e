"""A resource with the app's lifetime: opened at startup, closed at shutdown. See README.md."""

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
    """At startup: create a Pool(DATABASE_URL, size=5), open it, store it as app.state.pool.
    At shutdown: close it."""
    raise NotImplementedError("write the lifespan")
    yield


app = FastAPI(title="Pool demo", lifespan=lifespan)


@app.get("/ping")
async def ping(request: Request) -> dict[str, str | int]:
    """Run "SELECT 1" on the pool; answer {"ping": "pong", "queries": <what fetch_value returned>}."""
    raise NotImplementedError("write ping")
