"""Tests for the echo WebSocket, driven in-process with FastAPI's TestClient.

Every test has a 2-second budget: an endpoint that never answers fails the
test instead of hanging the run.
"""

import contextlib
import traceback
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

import echo_server
from echo_server import app, connections

pytestmark = pytest.mark.timeout(2)

SOLUTION = Path(echo_server.__file__).resolve()

client = TestClient(app)


@pytest.fixture(scope="module", autouse=True)
def running_app():
    with client:  # one event loop for the whole module
        yield


def describe(exc):
    """One line naming the exception the endpoint raised and the solution line it came from.

    (pytest's full traceback through Starlette and anyio is long and slow to print.)
    """
    where = ""
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if Path(frame.f_code.co_filename).resolve() == SOLUTION:
            where = f" ({SOLUTION.name}, line {line}, in {frame.f_code.co_name})"
    return f"the endpoint raised {type(exc).__name__}: {exc}{where}"


@contextlib.contextmanager
def connect():
    """client.websocket_connect("/ws"), failing with a clear message if the endpoint crashes."""
    session = client.websocket_connect("/ws")
    problem = None
    try:
        ws = session.__enter__()
    except WebSocketDisconnect as exc:
        problem = f"the endpoint closed the connection (code {exc.code}) instead of accepting it"
    except Exception as exc:
        problem = describe(exc)
    if problem:
        pytest.fail(problem, pytrace=False)
    try:
        yield ws
    except Exception:
        # The test failed, or the endpoint crashed and the session's streams
        # closed under it. Leaving the session re-raises the endpoint's own
        # exception, if it had one: report that, the real cause.
        try:
            session.__exit__(None, None, None)
        except WebSocketDisconnect:
            pass
        except Exception as exc:
            problem = describe(exc)
        if problem is None:
            raise
    except BaseException:  # the time budget ran out, or pytest.fail
        with contextlib.suppress(Exception):
            session.__exit__(None, None, None)
        raise
    else:
        try:
            session.__exit__(None, None, None)
        except WebSocketDisconnect:
            problem = ("WebSocketDisconnect escaped the endpoint when the client left: catch it "
                       "(or check for a 'websocket.disconnect' message) and return")
        except Exception as exc:
            problem = f"when the client left, {describe(exc)}"
    if problem:
        pytest.fail(problem, pytrace=False)


def echo(ws, text):
    ws.send_text(text)
    reply = ws.receive_text()
    assert type(reply) is str, f"expected a text frame, got {reply!r}"
    return reply


def expect_close(ws, code):
    with pytest.raises(WebSocketDisconnect) as closed:
        message = ws.receive_text()
        pytest.fail(f"expected the server to close the connection, but it sent {message!r}")
    assert closed.value.code == code, f"expected close code {code}, got {closed.value.code}"


def test_echoes_a_message():
    with connect() as ws:
        assert echo(ws, "hello") == "echo: hello"


def test_echoes_every_message_in_order():
    with connect() as ws:
        for word in ["one", "two", "three"]:
            ws.send_text(word)
        assert [ws.receive_text() for _ in range(3)] == ["echo: one", "echo: two", "echo: three"]
        assert echo(ws, "four") == "echo: four"


@pytest.mark.parametrize("text", [
    "  spaced  out  ",
    "",
    "ünïcödé 🎉",
    "echo: twice",
    "line one\nline two",
    '{"json": true}',
], ids=["spaces", "empty", "unicode", "prefix", "newline", "json"])
def test_text_is_echoed_exactly(text):
    with connect() as ws:
        assert echo(ws, text) == f"echo: {text}"


@pytest.mark.parametrize("text", ["/QUIT", "/quit now", " /quit", "quit", "/quit/"])
def test_only_the_exact_command_quits(text):
    with connect() as ws:
        assert echo(ws, text) == f"echo: {text}"
        assert echo(ws, "still here") == "echo: still here"


def test_quit_says_bye_and_closes_normally():
    with connect() as ws:
        assert echo(ws, "hi") == "echo: hi"
        assert echo(ws, "/quit") == "bye"
        expect_close(ws, 1000)


def test_binary_frame_closes_with_1003():
    with connect() as ws:
        assert echo(ws, "hi") == "echo: hi"
        ws.send_bytes(b"\x00\x01binary")
        expect_close(ws, 1003)


def test_client_leaving_ends_the_endpoint_quietly():
    with connect() as ws:
        assert echo(ws, "hi") == "echo: hi"
    # leaving without a single message is fine too
    with connect():
        pass


def test_connections_are_tracked():
    assert len(connections) == 0, f"no client is connected, but connections holds {len(connections)}"
    with connect() as first:
        assert echo(first, "a") == "echo: a"
        assert len(connections) == 1
        with connect() as second:
            assert echo(second, "b") == "echo: b"
            assert len(connections) == 2
        assert len(connections) == 1, "a client left: remove its connection"
        assert echo(first, "c") == "echo: c"
    assert len(connections) == 0


@pytest.mark.parametrize("how", ["quit", "binary", "client leaves"])
def test_connection_removed_however_it_ends(how):
    with connect() as ws:
        assert echo(ws, "hi") == "echo: hi"
        assert len(connections) == 1
        if how == "quit":
            assert echo(ws, "/quit") == "bye"
            expect_close(ws, 1000)
        elif how == "binary":
            ws.send_bytes(b"\xff")
            expect_close(ws, 1003)
    assert len(connections) == 0, f"the connection was not removed after '{how}'"


def test_connections_do_not_share_replies():
    with connect() as first, connect() as second:
        first.send_text("to first")
        second.send_text("to second")
        assert second.receive_text() == "echo: to second"
        assert first.receive_text() == "echo: to first"
