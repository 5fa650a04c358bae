"""Provides `FakeAp`: an AP Elections API look-alike on 127.0.0.1 that plays a scripted night.

AP's semantics, as documented: `GET /v2/elections/{date}` answers every race
with a `nextrequest` link carrying `minDateTime`; following the link answers
only the races changed since (with `isTruncated`), or just the link when
nothing changed; more changed races than `page_size` come in pages
(`isTruncated: true` and a link to the rest). The key goes in `x-api-key`
(401 "Invalid apikey" otherwise); gzip when asked; an ETag on full answers
(304 to a matching If-None-Match). `advance()` moves the night on a step;
`fail_next()` queues answers such as AP's 403 quota error. `requests` records
what came in.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from tests.apnight import DATE, NIGHT, encode, response

__all__ = ["QUOTA", "FakeAp", "Seen"]

QUOTA = (403, {"message": "Per-minute Quota (60) Exceeded, try again in a little bit."})
"""AP's quota answer ("API Codes")."""


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    target: str
    """Path and query, as sent."""
    headers: dict[str, str]
    """Header fields, names lower-cased."""


class FakeAp:
    """The scripted night behind a real HTTP server (a context manager; port 0)."""

    def __init__(
        self,
        night: list[list[dict[str, Any]]] | None = None,
        *,
        key: str | None = "test-key-123",
        page_size: int = 100,
    ) -> None:
        self.key = key
        self.page_size = page_size
        self.versions: list[dict[str, dict[str, Any]]] = []
        held: dict[str, dict[str, Any]] = {}
        for step in night or NIGHT:
            held = {**held, **{_key(r): r for r in step}}
            self.versions.append(held)
        self.current = 0
        self.requests: list[Seen] = []
        self.failures: deque[tuple[int, dict[str, Any]]] = deque()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def path(self) -> str:
        return f"/v2/elections/{DATE}"

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{self.path}?format=json&level=ru"

    def __enter__(self) -> FakeAp:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def advance(self) -> None:
        """The night moves on one step (races change)."""
        with self._lock:
            self.current = min(self.current + 1, len(self.versions) - 1)

    def fail_next(self, status: int, body: dict[str, Any], times: int = 1) -> None:
        """Answer the next `times` requests with `status` and `body` (JSON)."""
        self.failures.extend([(status, body)] * times)

    def _stamp(self, version: int) -> str:
        return f"{DATE}T23:{version:02d}:00.000Z"

    def _link(self, version: int, offset: int = 0) -> str:
        host, port = self._server.server_address[:2]
        link = f"http://{host}:{port}{self.path}?format=json&level=ru&minDateTime={quote(self._stamp(version))}"
        return link + (f"&offset={offset}" if offset else "")

    def answer(self, target: str, headers: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
        """Status, JSON body and headers for one request."""
        with self._lock:
            self.requests.append(Seen(target, headers))
            if self.failures:
                status, body = self.failures.popleft()
                return status, json.dumps(body).encode(), {}
            if self.key is not None and headers.get("x-api-key") != self.key:
                return 401, b'{"message": "Invalid apikey"}', {}
            query = parse_qs(urlsplit(target).query)
            now = self.current
            races = self.versions[now]
            if "minDateTime" not in query:
                etag = f'"v{now}"'
                if headers.get("if-none-match") == etag:
                    return 304, b"", {"ETag": etag}
                body = response(
                    list(races.values()), link=self._link(now), timestamp=self._stamp(now)
                )
                return 200, encode(body), {"ETag": etag}
            since = self._version_of(query["minDateTime"][0])
            offset = int(query.get("offset", ["0"])[0])
            before = self.versions[since]
            changed = [r for k, r in races.items() if before.get(k) != r]
            if not changed:
                return 200, encode({"nextrequest": self._link(now)}), {}
            page = changed[offset : offset + self.page_size]
            more = offset + self.page_size < len(changed)
            link = self._link(since, offset + self.page_size) if more else self._link(now)
            body = response(page, link=link, truncated=more, timestamp=self._stamp(now))
            return 200, encode(body), {}

    def _version_of(self, stamp: str) -> int:
        for version in range(len(self.versions)):
            if self._stamp(version) == stamp:
                return version
        return 0

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, body, extra = fake.answer(self.path, headers)
                if body and "gzip" in headers.get("accept-encoding", ""):
                    body = gzip.compress(body)
                    extra = {**extra, "Content-Encoding": "gzip"}
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in extra.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def _key(race: dict[str, Any]) -> str:
    return f"{race['reportingUnits'][0]['statePostal']}-{race['raceID']}"
