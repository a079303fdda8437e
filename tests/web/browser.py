"""Helpers for the browser test: a `coach serve` process, Debian's Chromium, the page's terminal.

Playwright drives the Chromium that Debian packages (its own browser download is not
reachable here). The page's terminal is xterm.js on a canvas, so its text is not in the
DOM: a script added before the page loads keeps a reference to textual-serve's terminal
wrapper (when it assigns its ``fitAddon``), and :meth:`Page.text` reads xterm's buffer.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVING = re.compile(r"coach is serving on (http://\S+)")

HOOK = """
Object.defineProperty(Object.prototype, 'fitAddon', {configurable: true,
  get() { return undefined; },
  set(value) {
    (window.__coachTerminals = window.__coachTerminals || []).push(this);
    Object.defineProperty(this, 'fitAddon', {value, writable: true, configurable: true, enumerable: true});
  }});
"""
SCREEN = """() => {
  const term = (window.__coachTerminals || []).map(w => w.terminal).find(t => t && t.buffer);
  if (!term) return null;
  const buffer = term.buffer.active, rows = [];
  for (let i = 0; i < term.rows; i++) {
    const line = buffer.getLine(buffer.viewportY + i);
    rows.push(line ? line.translateToString(true) : '');
  }
  return rows.join('\\n');
}"""


def chromium() -> str | None:
    return shutil.which("chromium") or next(
        (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)


@dataclass
class Served:
    """A running ``coach serve --port 0``, its output collected by reader threads."""

    proc: subprocess.Popen
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, home: Path, *args: str, env: dict[str, str] | None = None,
              timeout: float = 30.0) -> tuple[Served, str]:
        env = {**os.environ, "COACH_HOME": str(home), **(env or {})}
        env.pop("COACH_WEB", None)
        proc = subprocess.Popen([sys.executable, "-m", "coach", "serve", "--port", "0", *args], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)  # its own group: SIGINT to it is a terminal's Ctrl+C
        served = cls(proc)
        for stream, sink in ((proc.stdout, served.out), (proc.stderr, served.err)):
            threading.Thread(target=lambda s=stream, k=sink: k.extend(s), daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            match = next((m for line in list(served.out) if (m := SERVING.search(line))), None)
            if match:
                return served, match.group(1)
            time.sleep(0.05)
        served.stop()
        raise AssertionError(f"coach serve did not start:\n{served.output()}")

    def output(self) -> str:
        return "".join(self.out) + "".join(self.err)

    def interrupt(self, timeout: float = 30.0) -> int:
        """Ctrl+C as a terminal sends it: SIGINT to the whole process group."""
        os.killpg(self.proc.pid, signal.SIGINT)
        return self.proc.wait(timeout)

    def group_alive_after(self, timeout: float) -> bool:
        """Whether any process of the server's group (its tabs' coaches) is still there."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                os.killpg(self.proc.pid, 0)
            except ProcessLookupError:
                return False
            if time.monotonic() > deadline:
                return True
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(10)


class Page:
    """A Playwright page on coach's web page, read as the terminal's text."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.url = url
        page.add_init_script(HOOK)
        # Only coach's own server: nothing on the page may reach the internet.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                   else route.abort())
        page.goto(url)

    def text(self) -> str:
        return self.page.evaluate(SCREEN) or ""

    def footer(self) -> str:
        """The last row that shows anything: the key bar."""
        return next((row for row in reversed(self.text().splitlines()) if row.strip()), "")

    def flat(self) -> str:
        """The screen as one line, whitespace collapsed (text wraps across rows)."""
        return " ".join(self.text().split())

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.flat()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the page shows:\n{self.text()}")
            time.sleep(0.1)

    def settle(self, quiet: float = 0.4, timeout: float = 30.0) -> str:
        """The screen once it has not changed for ``quiet`` seconds.

        Also lets a lone escape be read as escape: Textual waits 100 ms for more of
        an escape sequence, so a key pressed sooner would arrive as alt+key.
        """
        deadline = time.monotonic() + timeout
        screen, since = self.flat(), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.flat()
            if now != screen:
                screen, since = now, time.monotonic()
        return screen

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
