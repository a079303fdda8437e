"""`coach serve` in a real browser: Debian's Chromium driven by Playwright.

One session as a user would have it: the home page, rapid fire (reveal, rate),
back home, a kata opened from the list and its tests run with ctrl+r, the
results read off the page; then Ctrl+C stops the server and every tab's coach.
What the page shows is checked against the store the served coach wrote to.
"""

from __future__ import annotations

import re
import time

import pytest

from coach.content.library import load_library
from coach.practice.store import Store
from tests.web.browser import CHROMIUM_FLAGS, Page, Served, chromium

CHROMIUM = chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install "
                                "chromium); .ci/run installs it")
KATA = "two_sum"
RESULTS = re.compile(r"All (\d+) tests passed|(\d+) passed, (\d+) failed")


def _plain(markdown: str) -> str:
    return " ".join(re.sub(r"[`*_#>|]", "", markdown).split())


def _shown_question(screen: str, questions):
    for question in questions:
        head = _plain(question.question)[:40]
        if head and head in screen:
            return question
    return None


def _answer_word(question, before: str) -> str:
    """A word of the answer the question screen does not show yet."""
    words = re.findall(r"[A-Za-z]{7,}", _plain(question.answer))
    fresh = [w for w in words if w not in before]
    assert fresh, f"no distinctive word in the answer of {question.id}"
    return max(fresh, key=len)


def _keep(route, downloads: list[str]) -> None:
    response = route.fetch()
    downloads.append(response.text())
    route.fulfill(response=response)


def test_a_session_in_the_browser(coach_home):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install "
                                   "'interview-coach[test]')")
    library = load_library()
    kata = next(k for k in library.katas if k.slug == KATA)
    served, url = Served.start(coach_home)
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            try:
                page = Page(browser.new_page(viewport={"width": 1400, "height": 900}), url)
                page.wait_for(lambda s: "Rapid fire" in s and "Katas" in s, "the home screen")
                page.page.click(".textual-terminal")  # keys go to the focused terminal

                page.press("r")
                screen = page.wait_for(lambda s: _shown_question(s, library.questions) is not None,
                                       "a question card")
                question = _shown_question(screen, library.questions)
                word = _answer_word(question, screen)
                # A second tab is a second coach: it opens on its own home screen.
                other = Page(browser.new_page(viewport={"width": 1000, "height": 600}), url)
                other.wait_for(lambda s: "Rapid fire" in s and "Katas" in s, "the home screen in a second tab")
                other.page.close()
                assert _shown_question(page.flat(), library.questions) is question

                page.press(" ")
                page.wait_for(lambda s: word in s, f"the answer of {question.id} ({word!r})")
                page.press("3")
                page.wait_for(lambda s: _plain(question.question)[:40] not in s, "the next card")
                for _ in range(3):  # escape ends the session, then backs out to the home screen
                    screen = page.settle()  # a key soon after escape would read as alt+key
                    if "Rapid fire" in screen and "Katas" in screen:
                        break
                    page.press("Escape")
                page.wait_for(lambda s: "Rapid fire" in s and "Katas" in s, "the home screen again")
                page.settle()

                page.press("k")
                page.wait_for(lambda s: kata.title in s, "the kata list")
                page.type(KATA)  # the slug: only this kata matches it
                page.press("Enter")
                page.wait_for(lambda s: f"def {kata.entry[0]}" in s, f"the {KATA} workbench")
                page.press("Control+r")
                screen = page.wait_for(lambda s: RESULTS.search(s) is not None, "test results", timeout=45)

                # ctrl+o cannot suspend for $EDITOR in a browser: it downloads the draft instead.
                downloads: list[str] = []
                page.page.context.route(f"{url}/download/**", lambda route: _keep(route, downloads))
                page.wait_for(lambda _: "Download" in page.footer() and "Editor" not in page.footer(),
                              "Download instead of Editor in the footer")
                page.press("Control+o")
                deadline = time.monotonic() + 30
                while not downloads and time.monotonic() < deadline:
                    page.page.wait_for_timeout(100)
                # ctrl+t belongs to the browser (a new tab): f8 resets the draft there.
                page.press("F8")
                page.wait_for(lambda s: "Reset the draft" in s, "the reset question after f8")
                page.press("n")
                page.wait_for(lambda s: "Reset the draft" not in s, "the answer no")

                # Ctrl+C with the tab still open: the server and the tab's coach both stop.
                code = served.interrupt()
                leftover = served.group_alive_after(timeout=15)
            finally:
                browser.close()
    finally:
        served.stop()

    output = served.output()
    assert code == 0, output
    assert not leftover, "a tab's coach outlived the server"
    assert "Traceback" not in output
    passed = RESULTS.search(screen)
    assert passed is not None
    if passed.group(1):
        shown_passed, shown_total = int(passed.group(1)), int(passed.group(1))
    else:
        shown_passed = int(passed.group(2))
        shown_total = shown_passed + int(passed.group(3))
    assert downloads == [(coach_home / "drafts" / f"{KATA}.py").read_text(encoding="utf-8")]
    with Store.open() as store:  # the served coach wrote to the same COACH_HOME
        assert store.review_count() == 1
        row = store.card(question.id)
        assert row is not None
        attempts = store.conn.execute("SELECT passed, total FROM attempts WHERE kata = ?", (KATA,)).fetchall()
    assert attempts == [(shown_passed, shown_total)]
