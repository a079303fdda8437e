"""``coach serve``: the whole app in a browser, one ``coach`` process per tab.

textual-serve does the serving: it runs ``python -m coach`` for every websocket
(every browser tab) and relays the terminal between the process and xterm.js.
This module adds what coach needs around it: loopback by default and a loud
warning otherwise, a check of each websocket's Origin and Host (any web page the
user visits could otherwise drive coach, which runs code, through a websocket to
127.0.0.1), no fonts fetched from the internet, ``--port 0`` for "any free
port", ``--open`` and a quiet, clean stop on Ctrl+C or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import re
import shlex
import signal
import sys
import webbrowser
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from coach.errors import CoachError
from coach.tui.web import ENV as WEB_ENV

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
SHUTDOWN_SECONDS = 5.0  # how long a tab's process gets to quit when the server stops
_FONT_LINK = re.compile(rb'\s*<link[^>]*fonts\.googleapis\.com[^>]*>')


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _host_of(netloc: str) -> str:
    return (urlsplit(f"//{netloc}").hostname or "").lower()


def child_command() -> str:
    """The shell command textual-serve runs per tab: this interpreter, this coach.

    ``-P``: the working folder is not put on ``sys.path``, so a ``coach`` folder there
    cannot stand in for the installed one.
    """
    return shlex.join([sys.executable, "-P", "-m", "coach"])


def _make_server(command: str, host: str, port: int) -> Any:
    from aiohttp import web
    from textual_serve.server import Server

    class CoachServer(Server):
        """textual-serve's server with coach's guards; see the module docstring."""

        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="coach")
            self.handlers: set[asyncio.Task[Any]] = set()

        def initialize_logging(self) -> None:  # textual-serve logs every request at INFO
            import logging

            logging.basicConfig(level=logging.WARNING, format="coach serve: %(message)s")

        async def on_startup(self, app: web.Application) -> None:  # no banner: run() prints one line
            return None

        async def on_shutdown(self, app: web.Application) -> None:
            # Each open tab's handler asks its coach process to quit and waits for it.
            for task in list(self.handlers):
                task.cancel()
            if self.handlers:
                await asyncio.wait(list(self.handlers), timeout=SHUTDOWN_SECONDS)

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # The page's websocket URL follows the address the browser used.
            self.public_url = f"http://{request.host}"
            response = await super().handle_index(request)
            if isinstance(response, web.Response) and isinstance(response.body, (bytes, bytearray)):
                response.body = _FONT_LINK.sub(b"", bytes(response.body))  # the font ships with textual-serve
            return response

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(self._guard)
            return app

        @web.middleware
        async def _guard(self, request: web.Request,
                         handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
            if is_loopback(host) and not is_loopback(_host_of(request.host)):
                raise web.HTTPForbidden(text="coach serve answers only to loopback names\n")
            if request.path != "/ws":
                return await handler(request)
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc.lower() != request.host.lower():
                raise web.HTTPForbidden(text="websocket from another site refused\n")
            task = asyncio.current_task()
            assert task is not None
            self.handlers.add(task)
            try:
                return await handler(request)
            finally:
                self.handlers.discard(task)

    return CoachServer()


async def _serve(server: Any, host: str, port: int, open_browser: bool) -> None:
    from aiohttp import web

    app = await server._make_app()
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=SHUTDOWN_SECONDS)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as exc:
            raise CoachError(f"cannot listen on {_url(host, port)}: {exc.strerror or exc}", 1) from None
        sockets = getattr(site._server, "sockets", None) or []
        if sockets:
            port = sockets[0].getsockname()[1]  # the real one when --port 0
        url = _url(host, port)
        server.public_url = url
        print(f"coach is serving on {url}  (each browser tab runs its own coach; Ctrl+C stops)",
              flush=True)
        if open_browser:
            await loop.run_in_executor(None, webbrowser.open, url)
        await stop.wait()
        print("coach serve: stopping", flush=True)
    finally:
        await runner.cleanup()


def _port(value: int) -> int:
    if not 0 <= value <= 65535:
        raise CoachError(f"coach serve: --port must be between 0 and 65535, got {value}")
    return value


def run_serve(args: argparse.Namespace) -> int:
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        raise CoachError("coach serve needs textual-serve: pip install textual-serve", 1) from None
    host, port = args.host, _port(args.port)
    if not host:
        raise CoachError("coach serve: --host must not be empty")
    if not is_loopback(host):
        print(f"coach: warning: listening on {host}, not loopback: anyone who can reach this machine "
              "can use coach as you, see your progress and run code through its katas", file=sys.stderr)
    os.environ[WEB_ENV] = "1"  # inherited by every tab's process: the TUI hides what a browser cannot do
    server = _make_server(child_command(), host, port)
    server.initialize_logging()
    asyncio.run(_serve(server, host, port, args.open))
    return 0
