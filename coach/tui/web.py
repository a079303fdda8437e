"""Is this coach a browser tab under ``coach serve``? (No Textual import: the CLI asks too.)

``coach serve`` sets ``COACH_WEB=1`` for every tab's process, and textual-serve
selects Textual's web driver through ``TEXTUAL_DRIVER``; either one means the
terminal is xterm.js in a browser, where suspending for ``$EDITOR`` cannot work.
"""

from __future__ import annotations

import os

ENV = "COACH_WEB"


def in_browser() -> bool:
    driver = os.environ.get("TEXTUAL_DRIVER", "")
    return os.environ.get(ENV) == "1" or driver.endswith("web_driver:WebDriver")
