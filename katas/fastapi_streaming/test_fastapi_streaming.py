"""Tests for the streaming exports: TestClient for the bodies and headers,
and a bare ASGI call to see what had been read when each chunk was sent."""

import asyncio
import csv
import io
import json
import traceback
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import export_api
from export_api import app

SOLUTION = Path(export_api.__file__).resolve()
pytestmark = pytest.mark.timeout(5)


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


class Source:
    """Stands in for fetch_rows: counts the rows handed out."""

    def __init__(self, rows):
        self.rows = rows
        self.pulled = 0
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self._generate()

    def _generate(self):
        for row in self.rows:
            self.pulled += 1
            yield row


def users(n):
    return [{"id": i, "name": f"User {i}", "email": f"user{i}@example.com"} for i in range(1, n + 1)]


@pytest.fixture
def source(monkeypatch):
    def install(rows):
        fake = Source(rows)
        monkeypatch.setattr(export_api, "fetch_rows", fake)
        return fake

    return install


def get(path):
    response = client.get(path)
    assert response.status_code == 200, f"GET {path}: expected 200, got {response.status_code}: {response.text[:200]}"
    return response


async def asgi_get(path):
    """Call the app directly; return [(body chunk, rows pulled when it was sent)]."""
    chunks = []
    requested = False

    async def receive():
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client never disconnects

    async def send(message):
        if message["type"] == "http.response.body" and message.get("body"):
            chunks.append((message["body"], export_api.fetch_rows.pulled))

    scope = {
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
        "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": b"", "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {},
    }
    await app(scope, receive, send)
    return chunks


# -- CSV ---------------------------------------------------------------------------

def test_csv_body(source):
    source(users(2))
    response = get("/export.csv")
    assert response.text == (
        "id,name,email\r\n"
        "1,User 1,user1@example.com\r\n"
        "2,User 2,user2@example.com\r\n"
    )


def test_csv_headers(source):
    source(users(1))
    response = get("/export.csv")
    assert response.headers["content-type"].startswith("text/csv"), response.headers["content-type"]
    assert "charset=utf-8" in response.headers["content-type"].lower().replace(" ", "")
    assert response.headers.get("content-disposition") == 'attachment; filename="users.csv"'


def test_csv_no_rows_is_just_the_header(source):
    source([])
    assert get("/export.csv").text == "id,name,email\r\n"


def test_csv_quotes_awkward_values(source):
    rows = [
        {"id": 1, "name": "Smith, Jane", "email": "jane@example.com"},
        {"id": 2, "name": 'Bob "The Builder"', "email": "bob@example.com"},
        {"id": 3, "name": "Line\nbreak", "email": "lb@example.com"},
        {"id": 4, "name": "Zoë Ångström", "email": "zoe@example.com"},
    ]
    source(rows)
    text = get("/export.csv").content.decode("utf-8")
    parsed = list(csv.DictReader(io.StringIO(text, newline="")))
    assert parsed == [{k: str(v) for k, v in row.items()} for row in rows]


def test_csv_every_row_once(source):
    fake = source(users(2500))
    lines = get("/export.csv").text.split("\r\n")
    assert lines[0] == "id,name,email" and lines[-1] == ""
    assert [line.split(",")[0] for line in lines[1:-1]] == [str(i) for i in range(1, 2501)]
    assert fake.pulled == 2500


def test_csv_reads_rows_per_request(source):
    fake = source(users(3))
    assert get("/export.csv").text.count("\r\n") == 4
    assert get("/export.csv").text.count("\r\n") == 4, "a second download must have every row too"
    assert fake.calls == 2, "call fetch_rows() once per request"


def test_csv_is_streamed(source):
    source(users(3000))
    chunks = asyncio.run(asgi_get("/export.csv"))
    assert len(chunks) >= 2, "send the CSV in several chunks, as the rows are read, not as one body"
    first_body, pulled_then = chunks[0]
    assert first_body.startswith(b"id,name,email\r\n")
    assert pulled_then <= 1000, (
        f"{pulled_then} of 3,000 rows had been read before the first chunk went out: stream as you read"
    )
    assert b"".join(body for body, _ in chunks).count(b"\r\n") == 3001


# -- NDJSON ------------------------------------------------------------------------

def test_ndjson_body(source):
    rows = users(3) + [{"id": 4, "name": "Zoë, \"Q\"", "email": "z@example.com"}]
    source(rows)
    response = get("/export.ndjson")
    assert response.headers["content-type"].startswith("application/x-ndjson"), response.headers["content-type"]
    text = response.text
    assert text.endswith("\n"), "every NDJSON line ends with a newline, the last one too"
    lines = text.split("\n")[:-1]
    assert [json.loads(line) for line in lines] == rows


def test_ndjson_no_rows(source):
    source([])
    assert get("/export.ndjson").text == ""


def test_ndjson_is_streamed(source):
    source(users(3000))
    chunks = asyncio.run(asgi_get("/export.ndjson"))
    assert len(chunks) >= 2
    assert chunks[0][1] <= 1000, f"{chunks[0][1]} rows were read before the first chunk: stream as you read"
    assert b"".join(body for body, _ in chunks).count(b"\n") == 3000
