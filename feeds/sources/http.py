"""Provides `HttpSource`: polls a feed URL over HTTP(S) with conditional requests and hard limits.

Each poll is one GET on a long-lived `httpx.AsyncClient`, bounded three ways:
connect and read timeouts per network operation, an overall `deadline` around
the whole exchange (a server trickling one byte at a time never trips a read
timeout), and a cap on the body after decompression (a gzip bomb is stopped
at the cap, not inflated whole). It asks for, and decodes, gzip, deflate,
brotli and zstd, and names any other content coding; proxy settings in the
environment are checked when the client is built (`feeds.sources.proxy`).
Every failure becomes a `FeedError` whose `summary` a producer can read on
air; nothing else escapes a poll. How an answer is read (codings, the cap, error
pages, Retry-After, httpx failures named) is `feeds.sources.http_answer`.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import httpx

from feeds.adapter import Adapter, RawDocument
from feeds.errors import FeedError, FeedHTTPError, FeedTimeout
from feeds.source import Backoff, FeedSource
from feeds.sources.http_answer import (
    ACCEPT_ENCODING,
    DECODABLE,
    check_codings,
    error_body,
    parse_retry_after,
    raise_feed_error,
    read_capped,
)
from feeds.sources.proxy import ProxySettingError, check_proxy_settings, proxy_for

__all__ = ["ACCEPT_ENCODING", "DECODABLE", "HttpSource", "parse_retry_after", "user_agent"]

KEEPALIVE_EXPIRY = 120.0
"""Seconds an idle connection is kept: well above any poll interval, so polls reuse it."""

MAX_REDIRECTS = 5
"""Redirects followed before a poll gives up with "redirect loop"."""


_Validators = tuple[str | None, str | None]


def user_agent(client_id: str | None = None) -> str:
    """`results-board/VERSION`, with ` (+ID)` when the board was given `--id`.

    Every board of a gallery then shows in the cache's access log by name.
    """
    from importlib import metadata

    try:
        version = metadata.version("results-board")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"results-board/{version}" + (f" (+{client_id})" if client_id else "")


class HttpSource(FeedSource):
    """A feed polled over HTTP(S): conditional GETs, an overall deadline, a body cap.

    A 200's validators (ETag, Last-Modified) travel as the document's `stamp`
    and are kept only when `commit()` is called, i.e. once the body was
    accepted or found equal to what is shown. Had they been kept at once, a
    body that then failed validation (or was an older `sequence`) would be
    answered 304 next time and the bad document would pass for "unchanged"
    while the board shows stale figures with no error. After a failure the
    previous validators stay, and the server keeps sending the bad body until
    it publishes a good one. The token goes only in the request's
    Authorization header (httpx drops it on a redirect to another origin) and
    is redacted from error details; so are the values of `headers`, sent with
    every request (an API key).
    """

    def __init__(
        self,
        url: str,
        *,
        client: httpx.AsyncClient | None = None,
        token: str | None = None,
        deadline: float = 10.0,
        max_bytes: int = 20_000_000,
        connect_timeout: float = 5.0,
        read_timeout: float = 5.0,
        adapter: Adapter | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] | None = None,
        headers: Mapping[str, str] | None = None,
        client_id: str | None = None,
        start_jitter: float = 0.0,
        rng: Callable[[float, float], float] = random.uniform,
    ) -> None:
        super().__init__(adapter=adapter, backoff=backoff, clock=clock)
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise ValueError(f"feed URL must start with http:// or https://, not {parts.scheme!r}")
        if not parts.hostname:
            raise ValueError("feed URL has no host")
        self.url = url
        """The URL polled (may hold credentials: show `description` instead)."""
        self.deadline = deadline
        """Seconds one poll may take in all, body included."""
        self.max_bytes = max_bytes
        """Largest body accepted, counted after decompression."""
        self.connect_timeout = connect_timeout
        """Seconds allowed to open a connection."""
        self.read_timeout = read_timeout
        """Seconds of silence tolerated between two chunks."""
        self.user_agent = user_agent(client_id)
        """The `User-Agent` sent with every request."""
        # A room of boards started together must not poll in step: the first poll waits a
        # random part of `start_jitter` (`rng` is injectable for tests), later ones keep that phase.
        self._jitter = max(0.0, start_jitter)
        self._rng = rng
        self._token = token
        self._headers = dict(headers or {})
        self._secrets = [s for s in (token, parts.password, *self._headers.values()) if s]
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        host += f":{parts.port}" if parts.port else ""
        self._description = urlunsplit((parts.scheme.lower(), host, parts.path or "/", "", ""))
        self._timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._owns_client = client is None
        self._proxy = proxy_for(url) if client is None else None
        self._client = client or self._make_client()
        self._validators: _Validators = (None, None)

    def __repr__(self) -> str:
        return f"HttpSource({self._description!r})"

    def _make_client(self) -> httpx.AsyncClient:
        """The long-lived client; a proxy setting it cannot use is one line naming it.

        Raises:
            ProxySettingError: HTTP_PROXY, HTTPS_PROXY or ALL_PROXY cannot be used.
        """
        check_proxy_settings()
        try:
            return httpx.AsyncClient(
                timeout=self._timeout,
                limits=httpx.Limits(keepalive_expiry=KEEPALIVE_EXPIRY),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
            )
        except (ValueError, ImportError, httpx.InvalidURL) as error:  # what the check missed
            raise ProxySettingError(
                f"the proxy settings (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY) cannot be "
                f"used: {self._redact(str(error))[:160]}; fix or unset them"
            ) from None

    @property
    def description(self) -> str:
        """The URL without credentials or query string: safe to show and log."""
        return self._description

    @property
    def etag(self) -> str | None:
        """The ETag of the last accepted body, sent as If-None-Match."""
        return self._validators[0]

    @property
    def last_modified(self) -> str | None:
        """The Last-Modified of the last accepted body, sent as If-Modified-Since."""
        return self._validators[1]

    def commit(self, documents: Sequence[RawDocument]) -> None:
        """Keep the validators of the accepted body (none sent clears them)."""
        stamp = documents[-1].stamp
        if isinstance(stamp, tuple):
            self._validators = stamp

    async def fetch(self) -> list[RawDocument] | None:
        """GET the feed: its body, or None on 304. Raises a `FeedError` for any failure."""
        await self.first_poll_wait()
        document = await self.get(self.url, self._validators)
        return None if document is None else [document]

    async def first_poll_wait(self) -> None:
        """Before the first request only: wait a random part of `start_jitter`, so a room of
        boards started together does not poll in step (later polls keep that phase)."""
        if self._jitter:
            delay, self._jitter = self._rng(0.0, self._jitter), 0.0
            await asyncio.sleep(delay)

    async def get(self, url: str, validators: _Validators = (None, None)) -> RawDocument | None:
        """One GET of `url` within the deadline and the size cap, with this source's headers.

        Returns the body as a document named by the URL's path (its `stamp` the response's
        ETag and Last-Modified), or None on 304. `validators` are sent as If-None-Match and
        If-Modified-Since. A subclass polling several URLs (incremental links, pages) calls
        this from its own `fetch`.

        Raises:
            FeedError: any failure; a status other than 200 and 304 as `http_error` says.
        """
        try:
            async with asyncio.timeout(self.deadline):
                return await self._get(url, validators)
        except TimeoutError:
            raise FeedTimeout(f"no answer within {self.deadline:g} s") from None

    def http_error(
        self, status: int, reason: str, retry_after: float | None, body: bytes
    ) -> FeedError:
        """The error for an answer other than 200 and 304 (`body`: at most 4 KB of it).

        Subclasses name their API's own errors (AP's quota and key refusals).
        """
        return FeedHTTPError(status, retry_after, reason)

    async def _get(self, url: str, validators: _Validators) -> RawDocument | None:
        headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": self.user_agent,
        }
        headers.update(self._headers)
        etag, last_modified = validators
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        headers_seen = False
        try:
            request = self._client.stream(
                "GET", url, headers=headers, timeout=self._timeout, follow_redirects=True
            )
            async with request as response:
                headers_seen = True
                if response.status_code == 304:
                    # Read to the end (there is no body) so the connection goes back to the
                    # pool: returned unread, it was closed, and every 304 cost a new connection.
                    await response.aread()
                    return None
                if response.status_code != 200:
                    raise self.http_error(
                        response.status_code,
                        response.reason_phrase,
                        parse_retry_after(response.headers.get("Retry-After"), self._clock()),
                        await error_body(response),
                    )
                check_codings(response)
                body = await read_capped(response, self.max_bytes)
                stamp = (response.headers.get("ETag"), response.headers.get("Last-Modified"))
                return RawDocument(urlsplit(url).path or "/", body, stamp)
        except FeedError:
            raise
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as error:
            raise_feed_error(
                error,
                headers_seen=headers_seen,
                proxy=self._proxy,
                connect_timeout=self.connect_timeout,
                read_timeout=self.read_timeout,
                redact=self._redact,
            )

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    async def aclose(self) -> None:
        """Close the HTTP client if this source created it (an injected one is the caller's)."""
        if self._owns_client:
            await self._client.aclose()
