"""Tests `board.web.BoardWebServer` (serve-web) as a real server with real viewer processes.

The viewers here are small scripts standing in for a board that misbehaves
(ignores "quit" and SIGTERM, floods its output): whatever the board does, a
viewer who leaves must not leave a process behind. The real board in a real
browser is `tests/e2e/test_web_browser.py`.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import aiohttp
import psutil
import pytest

from board.cli import main
from board.web import BoardWebServer
from feeds.server import FeedServer
from sample_feeds.factory import document, encode
from tests.clikit import assert_one_line_error
from tests.waiting import async_wait_for
from tests.webrun import ServeWeb

STUBBORN = """
import os, signal, sys, json
signal.signal(signal.SIGTERM, signal.SIG_IGN)
with open(sys.argv[1], "w") as out:
    json.dump({k: os.environ.get(k) for k in ("RESULTS_BOARD_TOKEN", "TEXTUAL_ANIMATIONS")}, out)
sys.stdout.buffer.write(b"__GANGLION__\\n")
packet = b"D" + (4096).to_bytes(4, "big") + b"x" * 4096
while True:  # never reads its input, never stops writing: blocks once the pipe is full
    sys.stdout.buffer.write(packet)
    sys.stdout.buffer.flush()
"""


class Running:
    """A `BoardWebServer` serving on 127.0.0.1 inside the test's event loop."""

    def __init__(self, server: BoardWebServer) -> None:
        self.server = server
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Running:
        ready = asyncio.Event()
        self.task = asyncio.create_task(self.server.run(self.stop, lambda url: ready.set()))
        await asyncio.wait_for(ready.wait(), 10)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.stop.set()
        assert self.task is not None
        await asyncio.wait_for(self.task, 20)


def stubborn(tmp_path: Path) -> BoardWebServer:
    def argv(number: int) -> Sequence[str]:
        return [str(tmp_path / f"env-{number}.json")]

    return BoardWebServer(
        argv,
        port=0,
        max_viewers=1,
        environment={"TEXTUAL_ANIMATIONS": "none"},
        health=dict,
        zygote=False,
        command=[sys.executable, "-c", STUBBORN],
    )


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def test_a_viewer_who_leaves_leaves_no_process(
    tmp_path: Path, http: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESULTS_BOARD_TOKEN", "s3cret")
    async with Running(stubborn(tmp_path)) as running:
        server = running.server
        socket = await http.ws_connect(f"{server.url}/ws?width=100&height=30")
        await async_wait_for(
            lambda: 1 in server.viewers and server.viewers[1].pid, "the viewer's board"
        )
        pid = server.viewers[1].pid
        assert pid is not None and psutil.pid_exists(pid)
        await async_wait_for(lambda: (tmp_path / "env-1.json").exists(), "the board's start")
        await asyncio.sleep(0.5)  # let it fill its pipe while nobody reads the socket
        await socket.close()
        await async_wait_for(lambda: not _alive(pid), "the board to be gone", timeout=15)
        # The server forgets the viewer once it has reaped the board: just after, not before.
        await async_wait_for(lambda: server.viewers == {}, "the viewer forgotten", timeout=15)
    seen = json.loads((tmp_path / "env-1.json").read_text())
    assert seen == {"RESULTS_BOARD_TOKEN": None, "TEXTUAL_ANIMATIONS": "none"}


async def test_past_max_viewers_the_page_says_full(
    tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    async with Running(stubborn(tmp_path)) as running:
        url = running.server.url
        page = await http.get(f"{url}/")
        assert page.status == 200 and "textual.js" in await page.text()
        assert page.headers["Cache-Control"] == "no-store"
        first = await http.ws_connect(f"{url}/ws")
        await async_wait_for(lambda: running.server.viewers, "the first viewer")
        full = await http.get(f"{url}/")
        assert full.status == 503 and "All 1 viewer places" in await full.text()
        second = await http.ws_connect(f"{url}/ws")
        message = await second.receive()
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert second.close_code == aiohttp.WSCloseCode.TRY_AGAIN_LATER
        health = await http.get(f"{url}/healthz")
        assert health.headers["Cache-Control"] == "no-store"
        assert await health.json() == {"ok": True, "viewers": 1, "max_viewers": 1}
        await first.close()
    # Stopping the server ended the first viewer's board too.
    assert running.server.viewers == {}


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize(
    "argv",
    [
        ["serve-web"],
        ["serve-web", "--"],
        ["serve-web", "--", "http://127.0.0.1:9/feed.json", "--interval", "0.5"],
        ["serve-web", "--max-viewers", "0", "--", "http://127.0.0.1:9/feed.json"],
        ["serve-web", "--", "/no/such/file.json"],
    ],
)
def test_serve_web_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(argv) == 2
    assert_one_line_error(capsys.readouterr().err)


async def test_boards_forked_from_the_zygote_end_when_serve_web_is_killed(
    http: aiohttp.ClientSession,
) -> None:
    with FeedServer([encode(document(sequence=1))], manual=True) as feed, ServeWeb(feed.url) as web:
        socket = await http.ws_connect(f"{web.url}/ws?width=100&height=30")
        seen = bytearray()

        async def figures() -> bool:
            message = await socket.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                seen.extend(message.data)
            return b"124" in seen

        await async_wait_for(figures, "the board's figures")
        boards = web.boards()
        assert len(boards) == 1
        assert "board.webspawn" in (boards[0].parent() or boards[0]).cmdline()  # forked
        web.process.kill()  # no chance to clean up: the zygote sees its input end
        await async_wait_for(
            lambda: not any(_alive(board.pid) for board in boards), "the board to end", 15
        )


async def test_public_url_names_the_page_s_own_addresses(
    tmp_path: Path, http: aiohttp.ClientSession
) -> None:
    server = stubborn(tmp_path)
    server.public_url = "https://boards.example"
    async with Running(server) as running:
        page = await (await http.get(f"{running.server.address}/")).text()
    assert 'data-session-websocket-url="wss://boards.example/ws"' in page
    assert "https://boards.example/static/js/textual.js" in page
    assert "fonts.googleapis.com" not in page
