"""`coach serve` without a browser: what the server answers, refuses and how it stops."""

from __future__ import annotations

import http.client
import socket
import sys
import time
from urllib.parse import urlsplit

import pytest

from coach.commands.serve import is_loopback
from tests.conftest import run_coach
from tests.web.browser import Served


@pytest.fixture
def served(coach_home):
    server, url = Served.start(coach_home)
    yield server, urlsplit(url)
    server.stop()


def get(url, path: str, headers: dict | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def websocket_headers(origin: str) -> dict:
    return {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": origin}


def test_the_page_is_the_app_on_loopback_and_needs_nothing_from_the_internet(served):
    _, url = served
    assert url.hostname == "127.0.0.1"
    status, page = get(url, "/")
    assert status == 200
    assert "textual.js" in page and f"ws://127.0.0.1:{url.port}/ws" in page
    assert "googleapis" not in page and "https://" not in page
    assert get(url, "/static/js/textual.js")[0] == 200


def test_other_sites_cannot_reach_it(served):
    """A page elsewhere could otherwise drive coach (which runs code) through 127.0.0.1."""
    _, url = served
    assert get(url, "/", {"Host": "attacker.example"})[0] == 403  # DNS rebinding
    assert get(url, "/ws", websocket_headers("http://attacker.example"))[0] == 403


def test_ctrl_c_stops_it_cleanly(served):
    server, _ = served
    assert server.interrupt() == 0
    assert "Traceback" not in server.output()
    assert "stopping" in server.output()


def test_open_hands_the_url_to_the_default_browser(coach_home, tmp_path):
    opened = tmp_path / "opened"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys, pathlib; pathlib.Path({str(opened)!r}).write_text(sys.argv[1])\n")
    server, url = Served.start(coach_home, "--open", env={"BROWSER": f"{sys.executable} {browser} %s"})
    try:
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text() == url
    finally:
        server.stop()


def test_a_port_in_use_is_one_line_and_no_traceback():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_coach("serve", "--port", str(taken.getsockname()[1]), timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("coach: cannot listen on http://127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["--port", "70000"], ["--port", "http"], ["--host", ""]])
def test_bad_arguments_are_usage_errors(args):
    result = run_coach("serve", *args, timeout=60)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_host_that_is_not_loopback_is_said_out_loud():
    # 192.0.2.1 is reserved for documentation: never this machine's, so nothing listens.
    result = run_coach("serve", "--host", "192.0.2.1", "--port", "0", timeout=60)
    assert "not loopback" in result.stderr.splitlines()[0]
    assert result.returncode == 1 and "cannot listen" in result.stderr


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("[::1]", True), ("127.3.2.1", True), ("0.0.0.0", False),
                                            ("::", False), ("192.168.1.5", False), ("example.com", False)])
def test_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_help_names_the_options():
    result = run_coach("serve", "--help", timeout=60)
    assert result.returncode == 0
    assert all(option in result.stdout for option in ("--host", "--port", "--open", "loopback"))
