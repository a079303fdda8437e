"""Tests for the lifespan-managed pool, driven in-process with FastAPI's TestClient.

`with TestClient(app) as client:` runs the app's lifespan: startup when the
block is entered, shutdown when it is left.
"""

import contextlib
import traceback
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import pool_app
from pool_app import Pool, app, lifespan

SOLUTION = Path(pool_app.__file__).resolve()

# Read before any test starts the app: nothing may exist until startup.
POOL_AT_IMPORT = getattr(app.state, "pool", None)


def describe(exc):
    """One line naming the exception the app raised and the solution line it came from."""
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == SOLUTION:
            where = f" ({SOLUTION.name}, line {line}, in {frame.f_code.co_name})"
    return f"the app raised {type(exc).__name__}: {exc}{where}"


class Client(TestClient):
    """A TestClient that turns an exception inside the app into a short test failure.

    (pytest's full traceback through FastAPI's internals is long and slow to print.)
    """

    def request(self, method, url, *args, **kwargs):
        try:
            return super().request(method, url, *args, **kwargs)
        except Exception as exc:
            message = f"{method} {url}: {describe(exc)}"
        pytest.fail(message, pytrace=False)  # outside the except: no "during handling" chain


@contextlib.contextmanager
def running():
    """`with TestClient(app) as client:`, with a short message if startup or shutdown raises."""
    client = Client(app)
    problem = None
    try:
        client.__enter__()
    except Exception as exc:
        problem = f"at startup, {describe(exc)}"
    if problem:
        pytest.fail(problem, pytrace=False)
    try:
        yield client
    except BaseException:
        with contextlib.suppress(Exception):
            client.__exit__(None, None, None)
        raise
    try:
        client.__exit__(None, None, None)
    except Exception as exc:
        problem = f"at shutdown, {describe(exc)}"
    if problem:
        pytest.fail(problem, pytrace=False)


def the_pool():
    pool = getattr(app.state, "pool", None)
    assert pool is not None, "after startup the pool must be stored as app.state.pool"
    assert type(pool) is Pool, f"app.state.pool must be a Pool, got {type(pool).__name__}"
    return pool


def ping(client, queries):
    response = client.get("/ping")
    assert response.status_code == 200, f"expected 200, got {response.status_code}: {response.text}"
    body = response.json()
    assert body == {"ping": "pong", "queries": queries}
    assert type(body["queries"]) is int


def test_nothing_is_created_at_import():
    assert POOL_AT_IMPORT is None, (
        "app.state.pool existed as soon as the module was imported: create the pool in the lifespan, at startup"
    )


def test_startup_opens_the_pool_before_the_first_request():
    with running() as client:
        pool = the_pool()
        assert pool.is_open is True, "the pool must be open before the first request arrives"
        assert pool.events == ["open"], f"right after startup the pool should only have been opened: {pool.events}"
        assert pool.dsn == pool_app.DATABASE_URL
        ping(client, 1)
        assert pool.events == ["open", "query SELECT 1"]


def test_shutdown_closes_the_pool_after_the_last_request():
    with running() as client:
        pool = the_pool()
        ping(client, 1)
        ping(client, 2)
        assert pool.is_open is True, "the pool was closed while the app was still running"
        assert "close" not in pool.events
    assert pool.is_open is False, "leaving the `with TestClient(app)` block must close the pool"
    assert pool.events == ["open", "query SELECT 1", "query SELECT 1", "close"]


def test_shutdown_without_requests():
    with running():
        pool = the_pool()
    assert pool.events == ["open", "close"]


def test_ping_uses_the_running_pool():
    with running() as client:
        for n in range(1, 4):
            ping(client, n)
        assert the_pool().events.count("query SELECT 1") == 3


def test_each_startup_gets_a_fresh_pool():
    with running() as client:
        first = the_pool()
        ping(client, 1)
    with running() as client:
        second = the_pool()
        assert second is not first, "every startup must create a new Pool (a closed pool cannot be reopened)"
        ping(client, 1)
    assert first.events == ["open", "query SELECT 1", "close"]
    assert second.events == ["open", "query SELECT 1", "close"]


def test_lifespan_is_an_async_context_manager():
    manager = lifespan(app)  # creating it runs nothing; it is never entered here
    assert hasattr(manager, "__aenter__") and hasattr(manager, "__aexit__"), (
        "lifespan(app) must return an async context manager: decorate it with @contextlib.asynccontextmanager"
    )


def test_no_deprecated_startup_or_shutdown_handlers():
    assert app.router.on_startup == [], "use the lifespan, not @app.on_event('startup') or on_startup=[...]"
    assert app.router.on_shutdown == [], "use the lifespan, not @app.on_event('shutdown') or on_shutdown=[...]"
