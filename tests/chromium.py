"""Provides `Chromium`: Debian's real headless Chromium driven over the DevTools protocol.

No downloaded browser and no driver library: `/usr/bin/chromium` is started
with a fresh profile and `--remote-debugging-port=0`, and spoken to over its
WebSocket with aiohttp. A `Tab` records every request the page makes (to
check that nothing leaves the machine) and every WebSocket frame it receives;
`screen()` plays the frames the board sent through a `pyte` terminal, which is
what xterm.js draws in the page's canvas.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pyte
import pytest

from tests.waiting import async_wait_for

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--remote-debugging-port=0",
)


def chromium_or_skip() -> str:
    """The chromium binary; a skip where it is missing, a failure in CI (`.ci/run` installs it)."""
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it with apt-get)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


class Chromium:
    """A headless Chromium with its own profile folder; `async with`."""

    def __init__(self) -> None:
        self.binary = chromium_or_skip()
        self._profile = tempfile.TemporaryDirectory(prefix="rb-chromium-")
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._listeners: list[Callable[[dict[str, Any]], None]] = []
        self.process: subprocess.Popen[bytes] | None = None
        self._http: aiohttp.ClientSession | None = None
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Chromium:
        profile = Path(self._profile.name)
        self.process = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        port_file = profile / "DevToolsActivePort"
        await async_wait_for(port_file.exists, "Chromium's DevTools port", timeout=30)
        await async_wait_for(lambda: len(port_file.read_text().split()) == 2, "the port file")
        port, path = port_file.read_text().split()
        self._http = aiohttp.ClientSession()
        self._socket = await self._http.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc: object) -> None:
        with contextlib.suppress(Exception):
            await self.send("Browser.close")
        if self._reader is not None:
            self._reader.cancel()
        if self._socket is not None:
            await self._socket.close()
        if self._http is not None:
            await self._http.close()
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._profile.cleanup()

    async def _read(self) -> None:
        assert self._socket is not None
        async for message in self._socket:
            data = message.json()
            future = self._pending.pop(data.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(data)
            for listener in list(self._listeners):
                listener(data)

    async def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """Call `method`; its result. Raises `RuntimeError` with the browser's error."""
        assert self._socket is not None
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        future = self._pending[number] = asyncio.get_running_loop().create_future()
        await self._socket.send_json(message)
        answer = await asyncio.wait_for(future, 30)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    async def open(self, url: str, size: tuple[int, int] = (1280, 800)) -> Tab:
        """A new tab at `url`, `size` CSS px; its requests and frames recorded from the start."""
        target = (await self.send("Target.createTarget", {"url": "about:blank"}))["targetId"]
        attached = await self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        tab = Tab(self, target, attached["sessionId"])
        self._listeners.append(tab.on_event)
        for domain in ("Network.enable", "Page.enable", "Runtime.enable"):
            await tab.send(domain)
        await tab.resize(*size)
        await tab.send("Page.navigate", {"url": url})
        return tab


class Tab:
    """One page: send it commands, read what it asked for and what its board drew."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session
        self.requests: list[str] = []
        """Every URL the page asked for (documents, scripts, fonts, WebSockets)."""
        self.frames: list[bytes] = []
        """Every binary WebSocket frame received: the board's output."""

    def on_event(self, event: dict[str, Any]) -> None:
        if event.get("sessionId") != self.session:
            return
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])
        elif method == "Network.webSocketFrameReceived":
            frame = params["response"]
            if frame.get("opcode") == 2:
                self.frames.append(base64.b64decode(frame["payloadData"]))

    async def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self.browser.send(method, params, self.session)

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = await self.send("Runtime.evaluate", {"expression": expression})
        return result.get("result", {}).get("value")

    async def resize(self, width: int, height: int) -> None:
        """Resize the page's viewport (the browser window, as the page sees it)."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        await self.send("Emulation.setDeviceMetricsOverride", metrics)

    def screen(self, columns: int = 240, rows: int = 80) -> str:
        """What the board has drawn so far, as text (the frames through a VT emulator)."""
        screen = pyte.Screen(columns, rows)
        stream = pyte.ByteStream(screen)
        for frame in list(self.frames):
            stream.feed(frame)
        return "\n".join(line.rstrip() for line in screen.display)

    async def wait_for_screen(self, check: Callable[[str], bool], what: str) -> str:
        await async_wait_for(lambda: check(self.screen()), what, timeout=30, poll=0.2)
        return self.screen()

    async def press(self, key: str) -> None:
        """Type one printable key into the page's terminal."""
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        code = f"Key{key.upper()}" if key.isalpha() else ""
        for kind in ("keyDown", "keyUp"):
            event = {"type": kind, "key": key, "code": code}
            event["windowsVirtualKeyCode"] = ord(key.upper())
            if kind == "keyDown":
                event["text"] = key
            await self.send("Input.dispatchKeyEvent", event)

    async def close(self) -> None:
        """Close the tab, as a viewer does."""
        await self.browser.send("Target.closeTarget", {"targetId": self.target})
