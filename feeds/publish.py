"""Provides the publishing server shared by `serve-feed` and `relay`: one document, cache-friendly.

A `Publisher` says what the current document is (`current()`) and what
`/status` answers; `PublishingServer` serves it over HTTP/1.1 on a
`ThreadingHTTPServer` so that a shared cache (nginx, see `deploy/nginx/`) can
stand between it and hundreds of boards:

- `GET /feed.json` — the document with a strong `ETag` (a hash of the body),
  `Last-Modified` (the document's own `published_at`, so the same document
  carries the same date across restarts), and `Cache-Control` from the
  `CachePolicy` (`public, max-age=0, s-maxage=N, stale-while-revalidate=…,
  stale-if-error=…`: boards revalidate every poll, a shared cache answers them
  for N seconds). `If-None-Match` that matches gives `304 Not Modified`;
  `If-Modified-Since` alone is not used (two documents can share a second).
  Before there is a document: `503` with `Retry-After`, never cached.
- `GET /status` — the publisher's status as JSON, `Cache-Control: no-store`.
- `POST` — handed to the publisher (`serve-feed`'s `/next` and `/goto`).

The server itself is `feeds.httpserve.PublishingServer`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from feeds.httpserve import PublishingServer

__all__ = [
    "CachePolicy",
    "Published",
    "Publisher",
    "ServedPublisher",
    "Serving",
    "http_date",
    "strong_etag",
]


@dataclass(frozen=True)
class CachePolicy:
    """How long a shared cache may answer for the server (RFC 9111 and RFC 5861), in seconds.

    `s_maxage` is how long a shared cache serves a stored copy without asking
    (the freshness a board behind the cache gives up: at most this much);
    `stale_while_revalidate` how long past that it may answer with the stored
    copy while it fetches a new one in the background; `stale_if_error` how
    long past that it may answer with it while the server fails. Keep that one
    short: a cache that serves an old copy for long hides a dead feed, and the
    boards behind it would show `LIVE` over old figures. Browsers and boards
    get `max-age=0` (they revalidate each poll and are answered 304).
    """

    s_maxage: int = 1
    stale_while_revalidate: int = 10
    stale_if_error: int = 10

    def __post_init__(self) -> None:
        for name in ("s_maxage", "stale_while_revalidate", "stale_if_error"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name.replace('_', '-')} must be 0 or more")

    def header(self) -> str:
        """The `Cache-Control` value for the feed document."""
        return (
            f"public, max-age=0, s-maxage={self.s_maxage}, "
            f"stale-while-revalidate={self.stale_while_revalidate}, "
            f"stale-if-error={self.stale_if_error}"
        )


@dataclass(frozen=True)
class Published:
    """One document as served: its bytes and validators."""

    body: bytes
    """The JSON document."""
    etag: str
    """A strong, quoted entity tag: the same bytes always give the same tag."""
    last_modified: str
    """An HTTP-date: the document's `published_at` (never later than when it was first served)."""

    @classmethod
    def of(cls, body: bytes, published_at: datetime | None, now: datetime) -> Published:
        """`body` with its ETag and a Last-Modified of `published_at`, capped at `now`."""
        when = now if published_at is None else min(published_at, now)
        return cls(body, strong_etag(body), http_date(when))


class Publisher:
    """What a `PublishingServer` serves; subclasses give `current()` and `status()`."""

    def current(self) -> Published | None:
        """The document to serve now, or None while there is none yet."""
        raise NotImplementedError

    def status(self) -> dict[str, Any]:
        """What `GET /status` answers (JSON-serialisable)."""
        raise NotImplementedError

    def retry_after(self) -> int:
        """Seconds a client should wait when there is no document yet."""
        return 5

    def post(self, path: str, query: str) -> tuple[HTTPStatus, dict[str, Any]]:
        """Answer `POST path?query`; the default is 404."""
        return HTTPStatus.NOT_FOUND, {"error": "nothing to POST here"}


def strong_etag(body: bytes) -> str:
    """A quoted strong ETag for `body` (BLAKE2b, 96 bits)."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def http_date(when: datetime) -> str:
    """`when` as an HTTP-date (`Fri, 06 May 2016 01:02:03 GMT`)."""
    if when.tzinfo is None:
        raise ValueError("an HTTP date needs an aware datetime")
    return format_datetime(when.astimezone(UTC).replace(microsecond=0), usegmt=True)


class Serving:
    """`with` for what `start()`s and `stop()`s: serving inside the block, stopped after it."""

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ServedPublisher(Publisher, Serving):
    """A publisher with its own `PublishingServer`: `url`, `start()`, `stop()`, `with`."""

    http: PublishingServer
    """The server publishing this (made by `_listen`)."""

    def _listen(self, *, host: str, port: int, cache: CachePolicy | None, verbose: bool) -> None:
        from feeds.httpserve import PublishingServer

        self.http = PublishingServer(
            self, host=host, port=port, cache=cache, verbose=verbose, name=self.server_name
        )

    server_name = "results-board"
    """The `Server` header."""

    @property
    def host(self) -> str:
        """The address listened on."""
        return self.http.host

    @property
    def port(self) -> int:
        """The port listened on (the one picked when 0 was asked)."""
        return self.http.port

    @property
    def url(self) -> str:
        """The feed's URL, `http://HOST:PORT/feed.json`."""
        return self.http.url

    @property
    def verbose(self) -> bool:
        """True when each request is logged on standard error."""
        return self.http.verbose

    def start(self) -> Self:
        """Serve from a daemon thread."""
        self.http.start()
        return self

    def serve_forever(self) -> None:
        """Serve from the calling thread until interrupted (Ctrl-C) or `stop()`."""
        self.http.serve_forever()

    def stop(self) -> None:
        """Stop serving and release the port."""
        self.http.stop()
