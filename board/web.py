"""Provides `BoardWebServer`: the board in browsers through textual-serve (`serve-web`).

textual-serve (by Textual's authors) runs one board process per browser tab
and carries its screen, keys and resizes over a WebSocket. What this module
adds for a newsroom:

- The feed is read once: `serve-web` relays SOURCE itself (`feeds.relay`) and
  every viewer's board watches that relay on 127.0.0.1, never the upstream;
  the token stays in this process (viewers' environments lose it).
- A closed tab ends its board within seconds, whatever the board is doing:
  "quit", then end of input, then SIGTERM to its process group, then SIGKILL
  (`QUIT_GRACE`, `TERM_GRACE`). The board's output is drained to the end, so
  it can never block on a full pipe.
- The page loads nothing from outside this server (textual-serve's own page
  fetches a web font from the internet; `board/web/index.html` serves it from
  here), says when a viewer's board ended, and offers to reconnect.
- `--max-viewers`: past it the page answers 503 and says why.
- `GET /healthz`: `{ok, viewers, max_viewers, relay}` with the relay's status,
  never cached.
- Animations off for viewers by default (`TEXTUAL_ANIMATIONS=none`): the
  ticker pages instead of scrolling, which costs a viewer far less CPU and
  bandwidth (measured in `bench/web_bench.py`).

A viewer cannot reach anything shared: its keys go to its own board process
(quitting ends only that board), it cannot change the relay or the source, and
a screenshot (`c`) is downloaded by its browser instead of written to the
server's disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server

from board.webviewer import ViewerService, viewer_environment

__all__ = ["BoardWebServer", "health_of"]

TEMPLATES = Path(__file__).resolve().parent / "web"

_FULL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Board full</title>
<style>body{{background:#0c181f;color:#eee;font:16px monospace;padding:4em}}</style></head>
<body><p>All {limit} viewer places on this board server are taken.</p>
<p><a href="/" style="color:#ac5af4">Try again</a> in a minute, or ask the desk to raise
<code>--max-viewers</code>.</p></body></html>"""


class BoardWebServer(Server):
    """textual-serve with the board's page, a viewer limit, `/healthz` and sure endings.

    `viewer_argv(n)` are the arguments of viewer `n`'s board (`watch URL …`),
    forked from a warm zygote (`board.webspawn`) unless `zygote` is False, else
    run as `command` + arguments; `environment` is added to each board's
    environment; `health()` gives what `/healthz` reports besides the viewers.
    """

    def __init__(
        self,
        viewer_argv: Callable[[int], Sequence[str]],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        public_url: str | None = None,
        max_viewers: int = 20,
        title: str = "results-board",
        environment: dict[str, str] | None = None,
        health: Callable[[], dict[str, Any]] | None = None,
        log: Callable[[str], None] | None = None,
        zygote: bool = True,
        command: Sequence[str] = (sys.executable, "-m", "board"),
    ) -> None:
        super().__init__(
            "results-board", host=host, port=port, title=title, templates_path=TEMPLATES
        )
        self.public_url = public_url.rstrip("/") if public_url else ""
        self._viewer_argv = viewer_argv
        self.max_viewers = max_viewers
        """Boards served at once; the next viewer is told the board is full."""
        self._environment = environment or {}
        self._health = health or dict
        self._log = log or (lambda line: None)
        self.viewers: dict[int, ViewerService] = {}
        """The boards running now, by viewer number."""
        self._count = 0
        self._use_zygote = zygote
        self._command = command
        self._zygote: str | None = None
        self.url = ""
        """The page's URL once serving: `public_url`, else `address`."""
        self.address = ""
        """Where it listens once serving, `http://HOST:PORT` (the port picked when 0 was asked)."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/healthz", self.handle_healthz)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: the command prints its own lines (textual-serve prints a banner)."""

    def _base_url(self, request: web.Request) -> str:
        return self.public_url or f"{request.scheme}://{request.host}"

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page; 503 with a word of explanation once every place is taken."""
        if len(self.viewers) >= self.max_viewers:
            body = _FULL.format(limit=self.max_viewers)
            headers = {"Retry-After": "60", "Cache-Control": "no-store"}
            return web.Response(status=503, text=body, content_type="text/html", headers=headers)
        base = self._base_url(request)
        websocket = "ws" + base.removeprefix("http") + "/ws"
        context = {
            "font_size": _int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket,
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_healthz(self, request: web.Request) -> web.Response:
        """`{ok, viewers, max_viewers, relay}`, never cached."""
        payload = {
            "ok": True,
            "viewers": len(self.viewers),
            "max_viewers": self.max_viewers,
            **self._health(),
        }
        return web.json_response(payload, headers={"Cache-Control": "no-store"})

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One viewer: start its board, carry keys and screen, end the board when the tab goes."""
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.viewers) >= self.max_viewers:
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"board full")
            return websocket
        self._count += 1
        number = self._count
        service = ViewerService(
            self._viewer_argv(number),
            self._environment,
            self._zygote,
            self._command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.viewers[number] = service
        self._log(f"viewer {number} connected ({len(self.viewers)} of {self.max_viewers})")
        width = _int(request.query.get("width", "80"), 80)
        height = _int(request.query.get("height", "24"), 24)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            await service.stop()
            del self.viewers[number]
            self._log(f"viewer {number} left ({len(self.viewers)} of {self.max_viewers})")
            with contextlib.suppress(Exception):
                await websocket.close()
        return websocket

    async def _start_zygote(self, folder: str) -> asyncio.subprocess.Process | None:
        """Start the warm process boards are forked from (`board.webspawn`); None if it fails."""
        path = os.path.join(folder, "zygote.sock")
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "board.webspawn",
            path,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=viewer_environment(self._environment),
        )
        assert process.stdout is not None
        try:
            ready = await asyncio.wait_for(process.stdout.readline(), 60)
        except TimeoutError:
            ready = b""
        if ready.strip() != b"ready":
            self._log("the board spawner did not start: each viewer's board starts on its own")
            process.kill()
            await process.wait()
            return None
        self._zygote = path
        return process

    async def run(self, stop: asyncio.Event, ready: Callable[[str], None] | None = None) -> None:
        """Serve until `stop` is set; then end every viewer's board. `ready(url)` once listening."""
        folder = tempfile.TemporaryDirectory(prefix="results-board-web-")
        zygote = await self._start_zygote(folder.name) if self._use_zygote else None
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, backlog=1024)
        await site.start()
        host, port = runner.addresses[0][:2]
        shown = f"[{host}]" if ":" in host else host
        self.address = f"http://{shown}:{port}"
        self.url = self.public_url or self.address
        if ready is not None:
            ready(self.url)
        try:
            await stop.wait()
        finally:
            await asyncio.gather(*(v.stop() for v in list(self.viewers.values())))
            await runner.cleanup()
            if zygote is not None and zygote.stdin is not None:
                zygote.stdin.close()  # end of input: it ends what is left and leaves
                await zygote.wait()
            folder.cleanup()


def _int(text: str, default: int) -> int:
    try:
        return max(1, min(1000, int(text)))
    except ValueError:
        return default


def health_of(status: dict[str, Any]) -> dict[str, Any]:
    """`/healthz`'s relay part: what is relayed, its state and its last error."""
    keys = ("source", "state", "last_good_poll", "last_error", "sequence")
    return {"relay": {key: status.get(key) for key in keys}}
