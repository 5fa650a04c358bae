"""End to end: `serve-web` in real headless Chromium (Debian's), driven over DevTools.

The page shows the board's figures, loads nothing from outside the machine,
passes keys and window resizes to the board, ends the board when the tab is
closed, and says so (offering to reconnect) when the board itself ends.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest

from feeds.server import FeedServer
from sample_feeds.factory import councils, document, encode
from tests.chromium import Chromium
from tests.waiting import async_wait_for
from tests.webrun import ServeWeb

pytestmark = pytest.mark.e2e


def local(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "about") or parts.netloc == urlsplit(origin).netloc


async def test_the_board_in_a_browser_tab() -> None:
    with (
        FeedServer([encode(document(councils(reported=96)))], manual=True) as feed,
        ServeWeb(feed.url) as web,
    ):
        async with Chromium() as browser:
            tab = await browser.open(web.url)
            await tab.wait_for_screen(lambda s: "96 of 124" in s and "LIVE" in s, "the figures")
            assert tab.requests and all(local(url, web.url) for url in tab.requests), tab.requests
            assert len(web.boards()) == 1

            await tab.press("p")
            await tab.wait_for_screen(lambda s: "PAUSED" in s, "the key to reach the board")

            await tab.resize(480, 300)  # too small for the board: it says so, with the new size
            await tab.wait_for_screen(lambda s: "too small" in s, "the resize to reach the board")

            board = web.boards()[0]
            await tab.close()
            await async_wait_for(lambda: not board.is_running(), "the board to end", timeout=15)
            assert web.boards() == []
            health = httpx.get(f"{web.url}/healthz", timeout=10).json()
            assert health["viewers"] == 0 and health["relay"]["state"] == "ok"

            tab = await browser.open(web.url)  # a viewer who quits: the page says so
            await tab.wait_for_screen(lambda s: "96 of 124" in s, "the figures again")
            await tab.press("q")
            ended = "document.body.classList.contains('-closed')"
            await async_wait_for(lambda: tab.evaluate(ended), "the page to say the board ended")
            text = await tab.evaluate("document.querySelector('#ended').innerText")
            assert "This board has ended" in text
            assert await tab.evaluate("document.querySelector('#reconnect').offsetParent !== null")
            await async_wait_for(lambda: web.boards() == [], "the quit board to be gone")
            await tab.evaluate("document.querySelector('#reconnect').click()")
            await async_wait_for(lambda: len(web.boards()) == 1, "a board again on reconnect")
    assert web.process.returncode == 0, "".join(web.lines)
