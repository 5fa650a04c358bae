"""Provides what the `HttpSource` unit tests share: a source on `httpx.MockTransport` answering
from a handler (`make_source`), a `Recorder` handler answering from a list and keeping the
requests, and `ok` (a 200 with a body)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from feeds.sources.http import HttpSource

__all__ = ["NOW", "TOKEN", "URL", "Handler", "Recorder", "make_source", "ok"]

URL = "https://feeds.example.org/night/feed.json"
NOW = datetime(2016, 5, 6, 9, 0, tzinfo=UTC)
TOKEN = "s3cret-t0ken-value"

Handler = Callable[[httpx.Request], httpx.Response]


def make_source(handler: Handler, url: str = URL, **kwargs: object) -> HttpSource:
    """An `HttpSource` for `url` whose client answers through `handler`, its clock at `NOW`."""
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler), max_redirects=5)
    return HttpSource(url, client=client, clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]


class Recorder:
    """A handler answering from a list of responses and keeping the requests."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.responses.pop(0)


def ok(body: bytes, **headers: str) -> httpx.Response:
    """A 200 answer with `body` and `headers`."""
    return httpx.Response(200, content=body, headers=headers)
