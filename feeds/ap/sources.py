"""Provides `ApSource` (the AP Elections API over HTTPS) and `open_ap`, the opener of `--format ap`.

What AP's documentation asks of a client ("Receiving Election Updates",
"Elections Request", "API Codes", "Working with Query Quotas"), and what
this does:

- the key in the `x-api-key` header (never in the URL, never shown: a key in
  the URL is refused, and the header is dropped on a redirect to another host);
- `Accept-Encoding: gzip` (httpx sends and decodes it);
- each response's `nextrequest` link is stored as sent and used for the next
  poll — never rebuilt (only made absolute, and kept on HTTPS: AP's v2 writes
  `http://` links) — but only once the response was accepted (`commit`); a
  link to another host is refused, so the key never goes there;
- `isTruncated: true`: the link is followed at once, page after page, until
  false; one poll hands every page to the adapter, in order;
- `If-None-Match` with the ETag when the same URL is asked again (no link);
- 403 "Per-minute Quota Exceeded": a failed poll retried after 5–10 s;
  401 "Invalid apikey": one line naming `RESULTS_BOARD_AP_KEY`, polling slowed
  to once a minute.

Polling is never faster than `MIN_INTERVAL`; the default is `DEFAULT_INTERVAL`.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import httpx

from feeds.adapter import RawDocument
from feeds.ap.adapter import ApAdapter
from feeds.ap.parse import UPDATE_MARK
from feeds.errors import FeedDecodeError, FeedError, FeedHTTPError, KeyRefused, QuotaExceeded
from feeds.source import FeedSource
from feeds.sources.http import HttpSource
from feeds.text import clean_text

__all__ = [
    "DEFAULT_INTERVAL",
    "KEY_ENV",
    "MIN_INTERVAL",
    "ApSource",
    "open_ap",
    "peek_link",
]

KEY_ENV = "RESULTS_BOARD_AP_KEY"
"""The environment variable holding the AP API key (never printed)."""
DEFAULT_INTERVAL = 10.0
"""Seconds between polls unless `--interval` says otherwise: 6 requests a minute (plus any
truncated pages), well inside a per-minute quota; AP asks for polls no more often than every
few seconds."""
MIN_INTERVAL = 5.0
"""The shortest wait between polls of AP's own host whatever `--interval` says (AP's "every
few seconds"); a newsroom's own mirror or cache of the API is polled as asked."""
QUOTA_WAIT = (5.0, 10.0)
"""Seconds to wait after a 403 quota answer, as AP's "Working with Query Quotas" advises."""
KEY_WAIT = 60.0
"""Seconds between polls while AP refuses the key (401): slow, until someone fixes it."""
MAX_PAGES = 50
"""Pages followed in one poll; the rest are fetched next poll from the last link."""

_LINK = re.compile(rb'"nextrequest"\s*:\s*("(?:[^"\\]|\\.)*"|null)')
_TRUNCATED = re.compile(rb'"isTruncated"\s*:\s*(true|false|"true"|"false")')


def peek_link(body: bytes) -> tuple[str | None, bool]:
    """The response's `nextrequest` link and `isTruncated`, found without parsing it whole.

    A 20 MB response must not be parsed on the event loop: the last occurrence of each
    key is read (AP writes them at the top level, after the races).
    """
    link: str | None = None
    at = body.rfind(b'"nextrequest"')
    if at >= 0:
        found = _LINK.match(body, at)
        if found is not None and found.group(1) != b"null":
            value = json.loads(found.group(1))
            link = value if isinstance(value, str) and value else None
    truncated = False
    at = body.rfind(b'"isTruncated"')
    if at >= 0:
        found = _TRUNCATED.match(body, at)
        truncated = found is not None and found.group(1).strip(b'"') == b"true"
    return link, truncated


@dataclass(frozen=True)
class _Stamp:
    """What a page leaves behind: the URL asked, its validators, and AP's next link."""

    url: str
    validators: tuple[str | None, str | None]
    link: str | None


class ApSource(HttpSource):
    """The AP Elections API's elections endpoint, followed link by link (see the module)."""

    def __init__(
        self,
        url: str,
        *,
        api_key: str | None = None,
        rng: Callable[[float, float], float] = random.uniform,
        min_interval: float = MIN_INTERVAL,
        **options: Any,
    ) -> None:
        options.setdefault("adapter", ApAdapter())
        headers = {"x-api-key": api_key} if api_key else None
        super().__init__(url, headers=headers, **options)
        self._origin = _origin(url)
        self._rng = rng
        self.min_interval = min_interval
        """The shortest wait between polls, in seconds."""
        self._next: str | None = None
        self._asked: _Stamp | None = None
        self._client.event_hooks["request"].append(self._keep_key_home)

    def __repr__(self) -> str:
        return f"ApSource({self.description!r})"

    @property
    def next_link(self) -> str | None:
        """The committed `nextrequest` link the next poll asks for (None: the starting URL)."""
        return self._next

    async def _keep_key_home(self, request: httpx.Request) -> None:
        """Never send the key to another host (httpx keeps custom headers on redirects)."""
        if _origin(str(request.url)) != self._origin:
            request.headers.pop("x-api-key", None)

    async def fetch(self) -> list[RawDocument] | None:
        """Every page of the next response, in order, or None on 304.

        Raises:
            FeedError: as `HttpSource.get`; `FeedDecodeError` for a link to another host.
        """
        await self.first_poll_wait()
        url = self._next or self.url
        asked = self._asked
        validators = asked.validators if asked is not None and asked.url == url else (None, None)
        documents: list[RawDocument] = []
        for page in range(1, MAX_PAGES + 1):
            document = await self.get(url, validators)
            if document is None:
                break
            link, truncated = peek_link(document.body)
            link = None if link is None else self._resolve(link, url)
            if link is not None and _origin(link) != self._origin:
                raise FeedDecodeError(
                    "AP's next link points to another host: refused",
                    f"{urlsplit(link).hostname or '?'} is not {urlsplit(self.url).hostname}",
                )
            name = document.name + (UPDATE_MARK if _is_update(url) else "")
            name += f" page {page}" if page > 1 else ""
            stamp = _Stamp(url, _validators(document.stamp), link)
            documents.append(RawDocument(name, document.body, stamp))
            if not truncated or link is None:
                break
            url, validators = link, (None, None)
        return documents or None

    def _resolve(self, link: str, base: str) -> str:
        """The link as sent, made absolute against the URL asked; AP's v2 writes `http://`
        links though it takes only HTTPS: to the same host, the scheme stays `https` (the one
        change made, so the key never travels in clear)."""
        absolute = urljoin(base, link)
        parts = urlsplit(absolute)
        scheme, host, port = self._origin
        if scheme == "https" and parts.scheme == "http" and (parts.hostname or "") == host:
            absolute = urlunsplit(("https", parts.netloc, parts.path, parts.query, ""))
            if port is None and parts.port == 80:
                absolute = absolute.replace(f"{parts.hostname}:80", parts.hostname or "", 1)
        return absolute

    def commit(self, documents: Sequence[RawDocument]) -> None:
        """Keep the last page's link (and its ETag), now that the response was accepted."""
        stamp = documents[-1].stamp
        if isinstance(stamp, _Stamp):
            self._asked = stamp
            self._next = stamp.link or self._next

    def http_error(
        self, status: int, reason: str, retry_after: float | None, body: bytes
    ) -> FeedError:
        """AP's errors by name: quota (403), refused key (401), else the status and message."""
        message = _message(body) or reason
        if status == 403 and "quota" in message.lower():
            return QuotaExceeded(max(retry_after or 0.0, self._rng(*QUOTA_WAIT)), message)
        if status == 401:
            return KeyRefused(KEY_ENV, max(retry_after or 0.0, KEY_WAIT))
        return FeedHTTPError(status, retry_after, message)

    def next_delay(self, interval: float) -> float:
        """As every source, but never under `min_interval` (AP's guidance)."""
        return max(super().next_delay(interval), self.min_interval)


def open_ap(spec: str, **options: Any) -> FeedSource:
    """The source for `--format ap`: an http(s) URL of the elections endpoint (the key from
    `api_key` or `RESULTS_BOARD_AP_KEY`), a file holding one AP response (re-read when it
    changes) or a `.jsonl` file of responses (played a line a poll).

    Raises:
        ValueError: a key written into the URL; AP's own host without a key; another scheme.
        FileNotFoundError, IsADirectoryError: a path that is not a file.
    """
    from feeds.ap.offload import warm_up
    from feeds.sources import is_url
    from feeds.sources.file import FileSource

    warm_up()
    if is_url(spec):
        return _open_url(spec, options)
    path = Path(spec).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no such file: {spec}")
    if path.is_dir():
        raise IsADirectoryError(f"a directory, not an AP response: {spec}")
    if path.suffix.lower() == ".jsonl":
        from feeds.ap.recorded import ApRecordingSource

        return ApRecordingSource(path)
    return FileSource(path, adapter=ApAdapter())


def _open_url(spec: str, options: dict[str, Any]) -> ApSource:
    parts = urlsplit(spec)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"an AP URL starts with https:// and names a host: {clean_text(spec, 80)}")
    names = {name.lower() for name, _ in parse_qsl(parts.query)}
    if names & {"apikey", "api_key", "x-api-key"}:
        raise ValueError(f"put the AP key in {KEY_ENV}, not in the URL (URLs end up in logs)")
    key = options.get("api_key") or os.environ.get(KEY_ENV) or None
    at_ap = parts.hostname.lower() == "ap.org" or parts.hostname.lower().endswith(".ap.org")
    if key is None and at_ap:
        raise ValueError(f"AP's API needs a key: set {KEY_ENV}")
    deadline = float(options.get("deadline", 10.0))
    timeout = min(5.0, deadline * 0.75)
    return ApSource(
        spec,
        api_key=key,
        client=options.get("client"),
        deadline=deadline,
        connect_timeout=timeout,
        read_timeout=timeout,
        max_bytes=64_000_000,
        min_interval=MIN_INTERVAL if at_ap else 1.0,
        client_id=options.get("client_id"),
        start_jitter=float(options.get("start_jitter", 0.0)),
    )


def _is_update(url: str) -> bool:
    return any(name.lower() == "mindatetime" for name, _ in parse_qsl(urlsplit(url).query))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port)


def _validators(stamp: object) -> tuple[str | None, str | None]:
    if isinstance(stamp, tuple) and len(stamp) == 2:
        return (stamp[0], stamp[1])
    return (None, None)


def _message(body: bytes) -> str:
    """AP's error message from a JSON (or plain) error body, cleaned, one line."""
    text = body.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in ("message", "Message", "error", "errorMessage", "detail"):
            if isinstance(data.get(key), str):
                text = data[key]
                break
        else:
            text = next((v for v in data.values() if isinstance(v, str)), "")
    return clean_text(text, 120)
