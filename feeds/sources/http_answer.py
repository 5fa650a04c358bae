"""Provides what one HTTP answer is read with: the content codings asked for and refused,
the body under a size cap, the start of an error page, `Retry-After`, and the mapping of
every httpx failure to the `FeedError` a producer reads on air.

`feeds.sources.http.HttpSource` sends the request; everything here is a pure function of
the response or the exception, so each rule can be read (and tested) on its own.
"""

from __future__ import annotations

import importlib.util
import re
import socket
import ssl
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import NoReturn

import httpx

from feeds.errors import FeedDecodeError, FeedTimeout, FeedTooLarge, FeedUnreachable
from feeds.sources.proxy import ProxySetting

__all__ = [
    "ACCEPT_ENCODING",
    "DECODABLE",
    "check_codings",
    "error_body",
    "parse_retry_after",
    "raise_feed_error",
    "read_capped",
]


def _importable(*modules: str) -> bool:
    return any(importlib.util.find_spec(module) is not None for module in modules)


_CODINGS = (
    ("gzip", "deflate")
    + (("br",) if _importable("brotli", "brotlicffi") else ())
    + (("zstd",) if _importable("zstandard") else ())
)

ACCEPT_ENCODING = ", ".join(_CODINGS)
"""The content codings asked for: exactly those httpx decodes here (brotli and zstandard
are dependencies; httpx decodes `br` and `zstd` only when they import)."""

DECODABLE = frozenset({"identity", "x-gzip", *_CODINGS})
"""Content codings read; any other is named ("compressed as xz, which this board cannot
read") rather than parsed as if it were the feed. RFC 9110 §8.4.1.3: x-gzip is gzip."""

_TOKEN = re.compile(r"[^A-Za-z0-9._+-]")

SMALL_ERROR_PAGE = 65536
"""Error pages up to this size (by Content-Length) are read whole, keeping the connection."""
ERROR_HEAD = 4096
"""Bytes of an error answer's body handed to `http_error` (an API's message)."""


async def read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """The whole body, decompressed, of at most `max_bytes` bytes.

    Raises:
        FeedTooLarge: Content-Length says more, or the body grows past the cap while read
            (a gzip bomb is stopped at the cap, not inflated whole).
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FeedTooLarge(max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FeedTooLarge(max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


async def error_body(response: httpx.Response) -> bytes:
    """The start of an error answer's body (enough for an API's message). A small error page
    is read to the end, so the connection goes back to the pool instead of being closed."""
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) <= SMALL_ERROR_PAGE:
        return (await response.aread())[:ERROR_HEAD]
    return await _head(response, ERROR_HEAD)


async def _head(response: httpx.Response, limit: int) -> bytes:
    """Up to `limit` bytes of an error answer's body (enough for an API's message)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]


def check_codings(response: httpx.Response) -> None:
    """Refuse a body in a content coding this board cannot undo, naming it; read x-gzip as gzip.

    httpx passes a coding it does not know through untouched, so the compressed
    bytes would be parsed as the feed ("not UTF-8: bad byte at offset 7").

    Raises:
        FeedDecodeError: a coding outside `DECODABLE`.
    """
    codings = [
        coding.strip().lower()
        for coding in response.headers.get_list("Content-Encoding", split_commas=True)
        if coding.strip()
    ]
    for coding in codings:
        if coding not in DECODABLE:
            name = _TOKEN.sub("?", coding)[:24]
            raise FeedDecodeError(
                f"compressed as {name}, which this board cannot read",
                f"Content-Encoding: {_TOKEN.sub('?', ', '.join(codings))[:80]}; "
                f"this board reads {ACCEPT_ENCODING}",
            )
    if "x-gzip" in codings:
        response.headers["Content-Encoding"] = ", ".join(
            "gzip" if coding == "x-gzip" else coding for coding in codings
        )


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None.

    A date in the past gives 0; a value that is neither gives None (ignored).
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def raise_feed_error(
    error: Exception,
    *,
    headers_seen: bool,
    proxy: ProxySetting | None,
    connect_timeout: float,
    read_timeout: float,
    redact: Callable[[str], str],
) -> NoReturn:
    """Raise the `FeedError` for an httpx failure: its `summary` names what a producer can act on.

    `headers_seen` tells a body cut off mid-transfer from a connection dropped before any
    answer; `proxy` (the setting the URL goes through) makes a failure to reach the proxy
    say so rather than blame the feed; `redact` strips secrets from the detail.

    Raises:
        FeedTimeout: a connect or read timeout.
        FeedDecodeError: the body could not be decompressed.
        FeedUnreachable: everything else (DNS, refused, TLS, redirects, proxy, cut off).
    """
    detail = redact(f"{type(error).__name__}: {error}")
    if proxy is not None and isinstance(error, httpx.ProxyError | httpx.ConnectError):
        refused = isinstance(error, httpx.ProxyError)
        words = "proxy refused the request" if refused else "cannot reach the proxy"
        detail = f"{detail} (through the proxy {proxy.shown})"
        raise FeedUnreachable(f"{words} ({proxy.variable})", detail) from None
    if isinstance(error, httpx.TimeoutException):
        if isinstance(error, httpx.ConnectTimeout):
            words = f"no connection within {connect_timeout:g} s"
        else:
            words = f"server silent for {read_timeout:g} s"
        raise FeedTimeout(words, detail) from None
    if isinstance(error, httpx.TooManyRedirects):
        raise FeedUnreachable("redirect loop", detail) from None
    if isinstance(error, httpx.DecodingError):
        raise FeedDecodeError("feed could not be decompressed", detail) from None
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        raise FeedUnreachable("redirected to an unusable address", detail) from None
    causes = _causes(error)
    if any(isinstance(c, socket.gaierror) for c in causes):
        raise FeedUnreachable("cannot resolve host", detail) from None
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        raise FeedUnreachable("connection refused", detail) from None
    if any(isinstance(c, ssl.SSLError) for c in causes):
        raise FeedUnreachable("secure connection failed", detail) from None
    if isinstance(error, httpx.ConnectError):
        raise FeedUnreachable("cannot connect", detail) from None
    if headers_seen:
        raise FeedUnreachable("feed cut off mid-transfer", detail) from None
    raise FeedUnreachable("connection dropped", detail) from None


def _causes(error: BaseException) -> list[BaseException]:
    """The exception and everything it was raised from, innermost last."""
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found and len(found) < 20:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found
