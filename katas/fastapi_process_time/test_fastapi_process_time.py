"""Tests for the X-Process-Time middleware, driven in-process with FastAPI's TestClient.

Two tests use coach's fake `clock`: time stands still unless the code under
test calls time.sleep, which moves it forward instantly. A handler that
"sleeps" 0.25 s must then be reported as taking exactly 0.25 s.
"""

import math
import time
import traceback
from pathlib import Path

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

import timed_api
from timed_api import app

SOLUTION = Path(timed_api.__file__).resolve()


# Routes the tests add to the app. They are outside the solution, so only a
# middleware that wraps the whole app can time them.
@app.get("/_test/sleep")
def _sleep(seconds: float) -> dict[str, float]:
    time.sleep(seconds)  # a plain def: FastAPI runs it in a worker thread
    return {"slept": seconds}


@app.get("/_test/teapot")
async def _teapot() -> None:
    raise HTTPException(status_code=418, detail="I'm a teapot", headers={"X-Teapot": "short and stout"})


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


client = Client(app)


@pytest.fixture(scope="module", autouse=True)
def running_app():
    with client:  # one event loop for the whole module
        yield


def process_time(response):
    """The X-Process-Time header as a float, after checking it is there once and well formed."""
    values = response.headers.get_list("X-Process-Time")
    assert values, f"no X-Process-Time header on the {response.status_code} response to {response.request.url.path}"
    assert len(values) == 1, f"X-Process-Time sent {len(values)} times: {values}"
    text = values[0]
    try:
        seconds = float(text)
    except ValueError:
        pytest.fail(f"X-Process-Time must be a number of seconds such as '0.004213', got {text!r}", pytrace=False)
    assert math.isfinite(seconds) and seconds >= 0, f"X-Process-Time must be a finite number >= 0, got {text!r}"
    return seconds


def check(response, status, body):
    assert response.status_code == status, f"expected {status}, got {response.status_code}: {response.text}"
    assert response.json() == body
    return process_time(response)


# -- the header is on every response ---------------------------------------------

def test_header_on_a_normal_response():
    check(client.get("/health"), 200, {"status": "ok"})
    check(client.get("/items/2"), 200, {"id": 2, "name": "saw"})


def test_header_on_http_exception():
    check(client.get("/items/99"), 404, {"detail": "Item not found"})


def test_header_on_unknown_path():
    check(client.get("/no/such/page"), 404, {"detail": "Not Found"})


def test_header_on_wrong_method():
    check(client.post("/health"), 405, {"detail": "Method Not Allowed"})


def test_header_on_validation_error():
    response = client.get("/items/hammer")
    assert response.status_code == 422, f"expected 422, got {response.status_code}: {response.text}"
    assert response.json()["detail"][0]["loc"] == ["path", "item_id"]
    process_time(response)


def test_other_headers_and_body_survive():
    response = client.get("/_test/teapot")
    check(response, 418, {"detail": "I'm a teapot"})
    assert response.headers.get("X-Teapot") == "short and stout"
    assert response.headers.get("content-type") == "application/json"


def test_routes_added_later_are_timed():
    check(client.get("/_test/sleep", params={"seconds": 0}), 200, {"slept": 0})


def test_every_request_gets_its_own_header():
    for _ in range(3):
        process_time(client.get("/health"))


# -- the header measures the request, in seconds -----------------------------------

def test_real_sleep_is_measured_in_seconds():
    seconds = check(client.get("/_test/sleep", params={"seconds": 0.05}), 200, {"slept": 0.05})
    assert seconds >= 0.045, (
        f"the handler slept 0.05 s but X-Process-Time says {seconds}: measure wall-clock time around "
        "call_next (time.perf_counter), not CPU time (time.process_time)"
    )
    assert seconds < 5, f"X-Process-Time is {seconds} for a 0.05 s request: report seconds, not milliseconds"


def test_measures_the_handler(clock):
    seconds = check(client.get("/_test/sleep", params={"seconds": 0.25}), 200, {"slept": 0.25})
    assert seconds == pytest.approx(0.25, abs=1e-3), (
        f"the handler took exactly 0.25 s on the test's clock, X-Process-Time says {seconds}: "
        "read time.perf_counter() (or time.monotonic()) before and after call_next"
    )


def test_measures_each_request_from_its_own_start(clock):
    clock.advance(1000)  # time passing between requests is not part of any request
    assert check(client.get("/health"), 200, {"status": "ok"}) == pytest.approx(0, abs=1e-3)
    clock.advance(1000)
    assert check(client.get("/_test/sleep", params={"seconds": 0.5}), 200, {"slept": 0.5}) == pytest.approx(0.5, abs=1e-3)
    assert check(client.get("/items/99"), 404, {"detail": "Item not found"}) == pytest.approx(0, abs=1e-3)
