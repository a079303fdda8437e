"""Tests for the request-id middleware: TestClient for single requests,
httpx.AsyncClient on the ASGI app for concurrent ones."""

import asyncio
import logging
import re
import traceback
from pathlib import Path

import httpx2 as httpx  # the httpx fork Starlette now asks for; the same API
import pytest
from fastapi.testclient import TestClient

import request_ids
from request_ids import RequestIdFilter, app, get_request_id

SOLUTION = Path(request_ids.__file__).resolve()
HEX32 = re.compile(r"[0-9a-f]{32}")
pytestmark = pytest.mark.timeout(5)

# Two routes for the concurrency test, added by the test module: "first"
# waits, mid-request, until "second" has run from start to finish.
first_started = None
second_done = None


@app.get("/test/first")
async def first_route():
    before = get_request_id()
    first_started.set()
    await second_done.wait()
    return {"before": before, "after": get_request_id()}


@app.get("/test/second")
async def second_route():
    await first_started.wait()
    rid = get_request_id()
    second_done.set()
    return {"before": rid, "after": rid}


def describe(exc):
    """One line naming the exception the app raised and the solution line it came from."""
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == SOLUTION:
            where = f" ({SOLUTION.name}, line {line}, in {frame.f_code.co_name})"
    return f"the app raised {type(exc).__name__}: {exc}{where}"


class Client(TestClient):
    """A TestClient that turns an exception inside the app into a short test failure."""

    def request(self, method, url, *args, **kwargs):
        try:
            return super().request(method, url, *args, **kwargs)
        except Exception as exc:
            message = f"{method} {url}: {describe(exc)}"
        pytest.fail(message, pytrace=False)  # outside the except: no "during handling" chain


client = Client(app)


@pytest.fixture(scope="module", autouse=True)
def running_app():
    with client:
        yield


def whoami(headers=None):
    response = client.get("/whoami", headers=headers or {})
    assert response.status_code == 200, f"expected 200, got {response.status_code}: {response.text}"
    header = response.headers.get("x-request-id")
    assert header, "every response must carry an X-Request-ID header"
    body = response.json()
    assert type(body) is dict and type(body.get("request_id")) is str, f"unexpected body {body!r}"
    return header, body["request_id"]


def test_generates_an_id():
    header, seen = whoami()
    assert HEX32.fullmatch(header), f"a generated id is uuid4().hex (32 lowercase hex digits), got {header!r}"
    assert seen == header, "the code inside the request must see the same id as the response header"


def test_each_request_gets_a_new_id():
    ids = {whoami()[0] for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize("incoming", ["abc-123", "7f9c2d1e.req_42", "A" * 64, "x"])
def test_echoes_a_valid_incoming_id(incoming):
    assert whoami({"X-Request-ID": incoming}) == (incoming, incoming)


def test_header_name_is_case_insensitive():
    assert whoami({"x-request-id": "lower-case-1"}) == ("lower-case-1", "lower-case-1")


@pytest.mark.parametrize("incoming", ["", "has space", "A" * 65, "<script>", "semi;colon", "ümlaut"])
def test_replaces_an_invalid_incoming_id(incoming):
    header, seen = whoami({"X-Request-ID": incoming.encode("utf-8")})
    assert HEX32.fullmatch(header), f"an invalid id ({incoming!r}) must be replaced by a new one, got {header!r}"
    assert seen == header


def test_error_responses_carry_the_id_too():
    response = client.get("/items/2", headers={"X-Request-ID": "err-404"})
    assert response.status_code == 404
    assert response.headers.get("x-request-id") == "err-404"
    response = client.get("/items/not-a-number", headers={"X-Request-ID": "err-422"})
    assert response.status_code == 422
    assert response.headers.get("x-request-id") == "err-422"
    response = client.get("/no/such/route")
    assert response.status_code == 404
    assert HEX32.fullmatch(response.headers.get("x-request-id", "")), "a 404 for an unknown route needs an id too"


def test_outside_a_request_the_id_is_a_dash():
    whoami({"X-Request-ID": "leaks"})
    assert get_request_id() == "-"


def test_log_filter_adds_the_id():
    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("request_id_app")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        whoami({"X-Request-ID": "log-1"})
        logging.getLogger("request_id_app").info("outside any request")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    assert [r.getMessage() for r in records] == ["working", "outside any request"], "the filter must keep every record"
    assert [r.request_id for r in records] == ["log-1", "-"]


def test_concurrent_requests_keep_their_own_id():
    async def main():
        global first_started, second_done
        first_started, second_done = asyncio.Event(), asyncio.Event()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            return await asyncio.gather(
                http.get("/test/first", headers={"X-Request-ID": "first"}),
                http.get("/test/second", headers={"X-Request-ID": "second"}),
            )

    first, second = asyncio.run(main())
    assert first.json() == {"before": "first", "after": "first"}, (
        "while 'first' waited, 'second' ran: each request must keep its own id (a ContextVar, not a global)"
    )
    assert second.json() == {"before": "second", "after": "second"}
    assert first.headers["x-request-id"] == "first" and second.headers["x-request-id"] == "second"
