"""Provides the steps `tests.faultserver.FaultServer` plays: `Step`, one (mis)behaviour answering
one request, over a raw `Connection`, and `Received`, the request as the server saw it.

A step writes bytes on the socket itself, so it can misbehave at the byte level: cut
a body short, never answer, trickle bytes, stream a gzip bomb, redirect forever. A
step that waits waits on `Connection.stopping`, so `stop()` ends it promptly.
"""

from __future__ import annotations

import socket
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.client import responses

__all__ = ["LOOP_PREFIX", "Connection", "Received", "Step"]

Fields = dict[str, str]
"""Header fields of a response, in order."""

_CHUNKED = {"Transfer-Encoding": "chunked"}

LOOP_PREFIX = "/__loop/"
"""Requests under this path belong to a redirect loop and do not take a script step."""


@dataclass
class Received:
    """One request as the server saw it, and what it did about it."""

    method: str
    target: str
    """The request target (path and query)."""
    headers: dict[str, str]
    """Header fields, names lower-cased."""
    step: str = ""
    """The name of the step that answered."""
    peer: int = 0
    """The client's port: equal for requests on one kept-alive connection."""
    bytes_sent: int = 0
    """Bytes written in answer so far (status line, headers, body)."""
    done: bool = False
    """True once the answer is over (written whole, or the connection closed)."""


class Connection:
    """One accepted socket: reads requests, writes answers, counts bytes, knows when to stop."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.stopping = stopping
        """Set by `stop()`: a step that waits must wait on this."""
        self.received: Received | None = None
        self._buffer = b""

    def read_request(self) -> Received | None:
        """The next request's head, or None when the peer closed or the server is stopping."""
        while b"\r\n\r\n" not in self._buffer:
            data = self.sock.recv(65536)
            if not data or len(self._buffer) > 65536:
                return None
            self._buffer += data
        head, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        method, target, *_ = [*lines[0].split(" "), "", ""]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return Received(method, target, headers, peer=self.sock.getpeername()[1])

    def send(self, data: bytes) -> None:
        """Write `data` whole (raises `OSError` once the peer or `stop()` closed the socket)."""
        self.sock.sendall(data)
        if self.received is not None:
            self.received.bytes_sent += len(data)

    def send_head(self, status: int, headers: Fields) -> None:
        """Write a status line and header fields."""
        lines = [f"HTTP/1.1 {status} {responses.get(status, 'Status')}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def respond(self, status: int, body: bytes = b"", headers: Fields | None = None) -> bool:
        """Write a whole response with Content-Length; True: the connection may stay open."""
        fields = {"Content-Type": "application/json", **(headers or {})}
        self.send_head(status, {**fields, "Content-Length": str(len(body))})
        self.send(body)
        return True

    def send_chunk(self, data: bytes) -> None:
        """Write one chunk of a chunked body (empty `data` is the last chunk)."""
        self.send(f"{len(data):x}\r\n".encode() + data + b"\r\n")


@dataclass(frozen=True)
class Step:
    """One scripted answer. Build with the class methods; `play` writes it to the socket."""

    name: str
    """Shown in `Received.step` and test failures."""
    play: Callable[[Connection, Received], bool] = field(repr=False)
    """Answers one request; True keeps the connection open for the next one."""
    good: bool = False
    """A normal, valid answer: served again once the script runs out."""

    @classmethod
    def ok(
        cls,
        body: bytes,
        etag: str | None = None,
        last_modified: str | None = None,
        gzip: bool = False,
    ) -> Step:
        """200 with `body`; answers 304 itself when the request's validators match."""
        wire = zlib.compress(body, wbits=31) if gzip else body
        fields = {"ETag": etag, "Last-Modified": last_modified}
        fields |= {"Content-Encoding": "gzip" if gzip else None}
        headers = {name: value for name, value in fields.items() if value}

        def play(conn: Connection, request: Received) -> bool:
            if etag and request.headers.get("if-none-match") == etag:
                return conn.respond(304, headers={"ETag": etag})
            if (
                not etag
                and last_modified
                and request.headers.get("if-modified-since") == last_modified
            ):
                return conn.respond(304, headers={"Last-Modified": last_modified})
            return conn.respond(200, wire, headers)

        return cls(f"ok({len(body)} bytes)", play, good=True)

    @classmethod
    def encoded(cls, wire: bytes, coding: str) -> Step:
        """200 with `wire` as the body and `Content-Encoding: coding`, whatever was asked for."""

        def play(conn: Connection, _: Received) -> bool:
            return conn.respond(200, wire, {"Content-Encoding": coding})

        return cls(f"encoded({coding})", play)

    @classmethod
    def status(
        cls,
        code: int,
        body: bytes = b"",
        headers: Fields | None = None,
        retry_after: float | str | None = None,
    ) -> Step:
        """Any status with an optional body and header fields (`retry_after` sets Retry-After)."""
        fields = dict(headers or {})
        if retry_after is not None:
            fields["Retry-After"] = str(retry_after)
        return cls(f"status({code})", lambda conn, _: conn.respond(code, body, fields))

    @classmethod
    def not_modified(cls, etag: str | None = None) -> Step:
        """304 whatever the request said."""
        return cls.status(304, headers={"ETag": etag} if etag else None)

    @classmethod
    def html_error_page(cls, status: int = 200) -> Step:
        """An HTML error page (by default with status 200, as a misconfigured proxy sends)."""
        page = b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"
        return cls.status(status, page, {"Content-Type": "text/html"})

    @classmethod
    def raw(cls, body: bytes, content_type: str = "application/json") -> Step:
        """200 with `body` as is: non-UTF-8, empty, invalid JSON, a schema break…"""
        return cls(
            f"raw({body[:20]!r})",
            lambda conn, _: conn.respond(200, body, {"Content-Type": content_type}),
        )

    @classmethod
    def wire(cls, data: bytes) -> Step:
        """Write `data` verbatim as the whole answer, then close (empty: close without a word)."""
        return cls(f"wire({data[:20]!r})", lambda conn, _: conn.send(data) or False)

    @classmethod
    def truncated(cls, body: bytes, cut_at: int) -> Step:
        """Content-Length of all of `body`, but only `cut_at` bytes sent before closing."""

        def play(conn: Connection, _: Received) -> bool:
            conn.send_head(200, {"Content-Length": str(len(body))})
            conn.send(body[:cut_at])
            return False

        return cls(f"truncated({cut_at}/{len(body)})", play)

    @classmethod
    def hang(cls) -> Step:
        """Read the request, never answer (until `stop()`)."""
        return cls("hang", lambda conn, _: conn.stopping.wait() and False)

    @classmethod
    def trickle(cls, interval: float = 0.5) -> Step:
        """A chunked 200 that sends one space every `interval` s, forever (until `stop()`)."""

        def play(conn: Connection, _: Received) -> bool:
            conn.send_head(200, _CHUNKED)
            while True:
                conn.send_chunk(b" ")
                if conn.stopping.wait(interval):
                    return False

        return cls(f"trickle({interval:g} s)", play)

    @classmethod
    def oversized(cls, n_bytes: int, content_length: bool = True) -> Step:
        """A JSON-ish body of `n_bytes` streamed in 64 KiB pieces, declared or chunked."""
        piece = b" " * 65536

        def play(conn: Connection, _: Received) -> bool:
            send = conn.send if content_length else conn.send_chunk
            framing = {"Content-Length": str(n_bytes)} if content_length else _CHUNKED
            conn.send_head(200, framing)
            for start in range(0, n_bytes, len(piece)):
                send(piece[: min(len(piece), n_bytes - start)])
            if not content_length:
                conn.send_chunk(b"")
            return False

        label = "with" if content_length else "without"
        return cls(f"oversized({n_bytes}, {label} Content-Length)", play)

    @classmethod
    def gzip_bomb(cls, decompressed_size: int) -> Step:
        """gzip of `decompressed_size` zero bytes, compressed as streamed: memory stays small."""

        def play(conn: Connection, _: Received) -> bool:
            conn.send_head(200, {"Content-Encoding": "gzip", **_CHUNKED})
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
            block = bytes(1 << 20)
            for start in range(0, decompressed_size, len(block)):
                if data := compressor.compress(block[: decompressed_size - start]):
                    conn.send_chunk(data)
            conn.send_chunk(compressor.flush())
            conn.send_chunk(b"")
            return False

        return cls(f"gzip_bomb({decompressed_size})", play)

    @classmethod
    def redirect_loop(cls) -> Step:
        """302 to a path that redirects again, forever (without taking further script steps)."""

        def play(conn: Connection, request: Received) -> bool:
            hop = request.target.removeprefix(LOOP_PREFIX)
            after = int(hop) + 1 if hop.isdigit() else 0
            return conn.respond(302, headers={"Location": f"{LOOP_PREFIX}{after % 2}"})

        return cls("redirect_loop", play)

    @classmethod
    def reset(cls) -> Step:
        """Close the connection at once, without answering ("connection dropped")."""
        return cls("reset", lambda conn, _: False)
