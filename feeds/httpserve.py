"""Provides `PublishingServer`: HTTP/1.1 for a `Publisher`, on a thread per connection.

What it answers is described in `feeds.publish`. The listen backlog is
`BACKLOG` (the kernel caps it at `net.core.somaxconn`): with the standard
library's default of 5, 200 boards polling at once saw seconds of refused
connections and polls failing "server silent for 5 s". Idle keep-alive
connections are closed after `IDLE_TIMEOUT`, so a gallery of boards that went
away holds no threads.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import urlsplit

from feeds.publish import CachePolicy, Publisher, Serving

__all__ = ["BACKLOG", "IDLE_TIMEOUT", "PublishingServer"]

BACKLOG = 1024
"""Connections the kernel queues before accepting: room for a gallery of boards at once."""

IDLE_TIMEOUT = 75.0
"""Seconds an idle keep-alive connection is held before the server closes it (as nginx)."""


class PublishingServer(Serving):
    """Serve `publisher` at `url`; bound at construction (port 0 picks a free port).

    `start()` serves from a daemon thread, `serve_forever()` from the calling
    thread; `stop()` or leaving the `with` block shuts it down.
    """

    def __init__(
        self,
        publisher: Publisher,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        cache: CachePolicy | None = None,
        verbose: bool = False,
        name: str = "results-board",
    ) -> None:
        self.publisher = publisher
        """What is served."""
        self.cache = cache or CachePolicy()
        """The `Cache-Control` policy of the feed document."""
        self.verbose = verbose
        """True to log each request on standard error."""
        self._thread: threading.Thread | None = None
        self._httpd = _server_class(host)((host, port), _Handler)
        self._httpd.publishing = self
        self._httpd.server_name_header = name
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

    @property
    def connections(self) -> int:
        """Connections accepted so far (a polite board opens one and keeps it)."""
        return self._httpd.accepted

    @property
    def backlog(self) -> int:
        """The listen backlog asked of the kernel."""
        return self._httpd.request_queue_size

    def start(self) -> Self:
        """Serve from a daemon thread."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="publish", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve from the calling thread until interrupted (Ctrl-C) or `stop()`."""
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        """Stop serving, end every open connection (kept-alive ones too) and release the port."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._httpd.server_close()
        self._httpd.close_connections()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = BACKLOG
    publishing: PublishingServer
    server_name_header: str

    def __init__(self, address: tuple[str, int], handler: type[_Handler]) -> None:
        self._open: set[socket.socket] = set()
        self.accepted = 0
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
            self.accepted += 1
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer is normal (a board closed, a deadline passed)."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """End the connections still open: a stopped server answers no one."""
        with self._open_lock:
            open_now = list(self._open)
        for sock in open_now:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


def _server_class(host: str) -> type[_HTTPServer]:
    return _HTTPServer6 if ":" in host else _HTTPServer


def _matches(if_none_match: str, etag: str) -> bool:
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


_NO_STORE = {"Content-Type": "application/json", "Cache-Control": "no-store"}


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms stall
    timeout = IDLE_TIMEOUT

    def version_string(self) -> str:
        return self.server.server_name_header

    def do_GET(self) -> None:
        self._get(head=False)

    def do_HEAD(self) -> None:
        self._get(head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 65536))
        url = urlsplit(self.path)
        status, payload = self.server.publishing.publisher.post(url.path, url.query)
        self._json(status, payload)

    def _get(self, *, head: bool) -> None:
        publishing = self.server.publishing
        path = urlsplit(self.path).path
        if path == "/status":
            self._json(HTTPStatus.OK, publishing.publisher.status(), head=head)
            return
        if path != "/feed.json":
            self._json(HTTPStatus.NOT_FOUND, {"error": "GET /feed.json or /status"}, head=head)
            return
        published = publishing.publisher.current()
        if published is None:
            retry = str(publishing.publisher.retry_after())
            headers = {**_NO_STORE, "Retry-After": retry}
            body = json.dumps({"error": "no document yet"}).encode()
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, body, headers, head=head)
            return
        headers = {
            "ETag": published.etag,
            "Last-Modified": published.last_modified,
            "Cache-Control": publishing.cache.header(),
        }
        if _matches(self.headers.get("If-None-Match", ""), published.etag):
            self._send(HTTPStatus.NOT_MODIFIED, b"", headers, head=True)
            return
        headers["Content-Type"] = "application/json"
        self._send(HTTPStatus.OK, published.body, headers, head=head)

    def _json(self, status: HTTPStatus, payload: dict[str, Any], *, head: bool = False) -> None:
        self._send(status, json.dumps(payload).encode(), dict(_NO_STORE), head=head)

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
        if self.server.publishing.verbose:
            super().log_message(format, *args)
