"""Provides `FeedServer`: a recording served over HTTP as a live feed (`results-board serve-feed`).

This is how a studio rehearses with a real network path, and how the tests
give the HTTP source a real server. The feed advances in time like the night
did (gaps between `published_at` divided by `speed`), or one step at a time
in manual mode.

Endpoints:

- `GET /feed.json` — the current document, with a quoted `ETag` (a hash of the
  body), `Last-Modified` (when the server started serving it),
  `Cache-Control: no-cache`; `304 Not Modified` when `If-None-Match` matches.
  `If-Modified-Since` is not used: an ETag is exact, a one-second date is not.
- `GET /status` — JSON `{position, count, sequence, finished, speed, manual, loop, lap}`.
- `POST /next` — one document on; `POST /goto?n=K` — jump to document K (0-based).
  Both work in either mode; in timed mode time runs on from there. Jumping
  back serves an older `sequence`, which a board refuses — useful to rehearse
  a stale cache.

With `loop`, the server starts again at the first document after holding the
last for `LOOP_HOLD` seconds; each new lap adds lap × (highest sequence + 1)
to `sequence`, so boards accept the restarted night as newer.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

__all__ = ["LOOP_HOLD", "FeedServer"]

LOOP_HOLD = 5.0
"""Seconds the last document stays up before a looping server starts again."""

_CACHED_BODIES = 8


class FeedServer:
    """Serve `documents` (a recording's lines) at `url`, advancing with `clock`.

    Binds at construction (so `url` is known, port 0 picks a free port);
    `start()` serves from a daemon thread, `serve_forever()` from the calling
    thread; `stop()` or leaving the `with` block shuts it down.
    """

    def __init__(
        self,
        documents: Sequence[bytes],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        speed: float = 1.0,
        manual: bool = False,
        start: int = 0,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        verbose: bool = False,
    ) -> None:
        if not documents:
            raise ValueError("the recording has no documents")
        if speed <= 0:
            raise ValueError("speed must be more than 0")
        if not 0 <= start < len(documents):
            raise ValueError(f"start must be between 0 and {len(documents) - 1}")
        from feeds.sources.replay import Schedule

        self.documents = tuple(documents)
        """The recording being served, one document per item."""
        self.speed = speed
        """Real-time factor: 60 plays a minute of the night each second."""
        self.manual = manual
        """True when the feed moves only on `POST /next` or `/goto`."""
        self.loop = loop
        """True when the feed starts again after the last document."""
        self.verbose = verbose
        """True to log each request on standard error."""
        self._schedule = Schedule(self.documents, speed=speed)
        self._sequences = [_sequence_of(document) for document in self.documents]
        self._stride = max((s for s in self._sequences if s is not None), default=0) + 1
        self._clock = clock
        self._lock = threading.Lock()
        self._t0 = clock()
        self._base = self._schedule.offsets[start]
        self._index = start
        self._lap = 0
        self._bodies: OrderedDict[tuple[int, int], tuple[bytes, str]] = OrderedDict()
        self._served: tuple[int, int] | None = None
        self._served_since = formatdate(usegmt=True)
        self._thread: threading.Thread | None = None
        self._httpd = _server_class(host)((host, port), _Handler)
        self._httpd.feed_server = self
        bound_host, bound_port = self._httpd.server_address[:2]
        self.host = str(bound_host)
        """The address listened on."""
        self.port = int(bound_port)
        """The port listened on (the one picked when 0 was asked)."""

    @property
    def url(self) -> str:
        """The feed's URL, `http://HOST:PORT/feed.json`."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/feed.json"

    def start(self) -> Self:
        """Serve from a daemon thread; the feed's clock starts now."""
        with self._lock:
            self._t0 = self._clock()
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="serve-feed", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve from the calling thread until interrupted (Ctrl-C) or `stop()`."""
        with self._lock:
            self._t0 = self._clock()
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def count(self) -> int:
        """How many documents the recording has."""
        return len(self.documents)

    def position(self) -> tuple[int, int]:
        """The (lap, index) being served now."""
        with self._lock:
            return self._position()

    def next(self) -> None:
        """Move one document on (to the first of a new lap when looping at the end)."""
        with self._lock:
            lap, index = self._position()
            if index + 1 < self.count:
                self._jump(lap, index + 1)
            elif self.loop:
                self._jump(lap + 1, 0)

    def goto(self, index: int) -> None:
        """Jump to document `index` of the current lap. Raises `ValueError` when out of range."""
        if not 0 <= index < self.count:
            raise ValueError(f"n must be between 0 and {self.count - 1}")
        with self._lock:
            lap, _ = self._position()
            self._jump(lap, index)

    def status(self) -> dict[str, Any]:
        """What `GET /status` answers."""
        lap, index = self.position()
        return {
            "position": index,
            "count": self.count,
            "sequence": self._sequence(lap, index),
            "finished": not self.loop and index == self.count - 1,
            "speed": self.speed,
            "manual": self.manual,
            "loop": self.loop,
            "lap": lap,
        }

    def current(self) -> tuple[bytes, str, str]:
        """The document served now: its body, its quoted ETag and its Last-Modified date."""
        with self._lock:
            key = self._position()
            body, etag = self._body(key)
            if key != self._served:
                self._served = key
                self._served_since = formatdate(usegmt=True)
            return body, etag, self._served_since

    def _position(self) -> tuple[int, int]:
        if self.manual:
            return self._lap, self._index
        virtual = self._base + max(0.0, self._clock() - self._t0)
        if not self.loop:
            return self._lap, self._schedule.index_at(virtual)
        period = self._schedule.duration + LOOP_HOLD
        laps, within = divmod(virtual, period)
        return self._lap + int(laps), self._schedule.index_at(within)

    def _jump(self, lap: int, index: int) -> None:
        self._lap, self._index = lap, index
        self._base = self._schedule.offsets[index]
        self._t0 = self._clock()

    def _sequence(self, lap: int, index: int) -> int | None:
        sequence = self._sequences[index]
        return None if sequence is None else sequence + lap * self._stride

    def _body(self, key: tuple[int, int]) -> tuple[bytes, str]:
        cached = self._bodies.get(key)
        if cached is None:
            lap, index = key
            body = self.documents[index]
            if lap:
                document = json.loads(body)
                document["sequence"] = self._sequence(lap, index)
                body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
            etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
            cached = self._bodies[key] = (body, etag)
            if len(self._bodies) > _CACHED_BODIES:
                self._bodies.popitem(last=False)
        return cached


def _sequence_of(document: bytes) -> int | None:
    try:
        sequence = json.loads(document).get("sequence")
    except (ValueError, AttributeError):
        return None
    return sequence if isinstance(sequence, int) else None


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    feed_server: FeedServer


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


def _server_class(host: str) -> type[_HTTPServer]:
    return _HTTPServer6 if ":" in host else _HTTPServer


def _matches(if_none_match: str, etag: str) -> bool:
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "results-board-serve-feed"
    disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms stall

    def do_GET(self) -> None:
        self._get(head=False)

    def do_HEAD(self) -> None:
        self._get(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 65536))
        feed = self.server.feed_server
        url = urlsplit(self.path)
        if url.path == "/next":
            feed.next()
        elif url.path == "/goto":
            values = parse_qs(url.query).get("n", [])
            try:
                feed.goto(int(values[0]))
            except (IndexError, ValueError) as error:
                message = str(error) if values else "missing n"
                self._json(HTTPStatus.BAD_REQUEST, {"error": message})
                return
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "POST /next or /goto?n=K"})
            return
        self._json(HTTPStatus.OK, feed.status())

    def _get(self, *, head: bool) -> None:
        feed = self.server.feed_server
        path = urlsplit(self.path).path
        if path == "/status":
            self._json(HTTPStatus.OK, feed.status(), head=head)
            return
        if path != "/feed.json":
            self._json(HTTPStatus.NOT_FOUND, {"error": "GET /feed.json or /status"}, head=head)
            return
        body, etag, last_modified = feed.current()
        headers = {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": "no-cache"}
        if _matches(self.headers.get("If-None-Match", ""), etag):
            self._send(HTTPStatus.NOT_MODIFIED, b"", headers, head=True)
            return
        headers["Content-Type"] = "application/json"
        self._send(HTTPStatus.OK, body, headers, head=head)

    def _json(self, status: HTTPStatus, payload: dict[str, Any], *, head: bool = False) -> None:
        body = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json", "Cache-Control": "no-cache"}
        self._send(status, body, headers, head=head)

    def _send(
        self, status: HTTPStatus, body: bytes, headers: dict[str, str], *, head: bool
    ) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.feed_server.verbose:
            super().log_message(format, *args)
