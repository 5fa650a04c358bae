"""Unit tests of `HttpSource` on `httpx.MockTransport`: headers, secrets, URLs, errors."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import httpx
import pytest

from feeds.errors import (
    FeedDecodeError,
    FeedHTTPError,
    FeedSchemaError,
    FeedTimeout,
    FeedTooLarge,
    FeedUnreachable,
    SequenceRegression,
)
from feeds.source import Backoff, Changed, Failed, Unchanged
from feeds.sources.http import HttpSource, parse_retry_after
from sample_feeds.factory import encode, small_document

URL = "https://feeds.example.org/night/feed.json"
NOW = datetime(2016, 5, 6, 9, 0, tzinfo=UTC)
TOKEN = "s3cret-t0ken-value"

Handler = Callable[[httpx.Request], httpx.Response]


def make_source(handler: Handler, url: str = URL, **kwargs: object) -> HttpSource:
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
    return httpx.Response(200, content=body, headers=headers)


# URL validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/feed.json", "file:///tmp/feed.json", "example.org/feed.json", "http:///x"],
)
def test_refuses_urls_that_are_not_http_with_a_host(url: str) -> None:
    with pytest.raises(ValueError) as raised:
        HttpSource(url)
    assert "\n" not in str(raised.value)


def test_description_hides_userinfo_and_query() -> None:
    source = HttpSource("https://user:pw@Feeds.example.org:8443/feed.json?key=abc#frag")
    assert source.description == "https://feeds.example.org:8443/feed.json"
    assert "pw" not in repr(source) and "abc" not in repr(source)
    assert HttpSource("http://[::1]:8080/f.json").description == "http://[::1]:8080/f.json"


# headers and the token -----------------------------------------------------------


async def test_sends_bearer_token_and_never_shows_it() -> None:
    recorder = Recorder(ok(encode(small_document(1))))
    source = make_source(recorder, token=TOKEN)
    assert isinstance(await source.poll(), Changed)
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in source.description and TOKEN not in repr(source)
    assert TOKEN not in repr(vars(source).get("url"))


async def test_token_redacted_from_error_detail() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"proxy said: {request.headers['Authorization']}")

    source = make_source(handler, token=TOKEN)
    outcome = await source.poll()
    assert isinstance(outcome, Failed)
    assert TOKEN not in str(outcome.error) and TOKEN not in outcome.error.summary
    assert "***" in outcome.error.detail


async def test_no_authorization_without_token() -> None:
    recorder = Recorder(ok(encode(small_document(1))))
    await make_source(recorder).poll()
    assert "Authorization" not in recorder.requests[0].headers


async def test_conditional_headers_from_last_accepted_body() -> None:
    modified = "Fri, 06 May 2016 08:00:00 GMT"
    recorder = Recorder(
        ok(encode(small_document(1)), ETag='"v1"', **{"Last-Modified": modified}),
        httpx.Response(304),
    )
    source = make_source(recorder)
    assert isinstance(await source.poll(), Changed)
    assert "If-None-Match" not in recorder.requests[0].headers
    assert isinstance(await source.poll(), Unchanged)
    assert recorder.requests[1].headers["If-None-Match"] == '"v1"'
    assert recorder.requests[1].headers["If-Modified-Since"] == modified
    assert source.failures == 0


# validator staging ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_body", "error_type"),
    [
        (b'{"format": "results-board/1"}', FeedSchemaError),
        (encode(small_document(1)), SequenceRegression),
    ],
)
async def test_validators_of_a_refused_body_are_not_kept(
    bad_body: bytes, error_type: type[Exception]
) -> None:
    recorder = Recorder(
        ok(encode(small_document(2)), ETag='"good"'),
        ok(bad_body, ETag='"bad"'),
        ok(bad_body, ETag='"bad"'),
    )
    source = make_source(recorder)
    assert isinstance(await source.poll(), Changed)
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, error_type)
    await source.poll()
    assert recorder.requests[2].headers["If-None-Match"] == '"good"'
    assert source.etag == '"good"'


async def test_accepted_body_without_validators_clears_them() -> None:
    recorder = Recorder(
        ok(encode(small_document(1)), ETag='"v1"'),
        ok(encode(small_document(2))),
        ok(encode(small_document(2))),
    )
    source = make_source(recorder)
    await source.poll()
    assert isinstance(await source.poll(), Changed)
    await source.poll()
    assert "If-None-Match" not in recorder.requests[2].headers


async def test_identical_body_commits_new_validators() -> None:
    recorder = Recorder(
        ok(encode(small_document(1)), ETag='"a"'), ok(encode(small_document(1)), ETag='"b"')
    )
    source = make_source(recorder)
    await source.poll()
    assert isinstance(await source.poll(), Unchanged)
    assert source.etag == '"b"'


# Retry-After -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("Fri, 06 May 2016 09:01:30 GMT", 90.0),
        ("Fri, 06 May 2016 08:00:00 GMT", 0.0),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, NOW) == expected


async def test_503_retry_after_sets_next_delay() -> None:
    recorder = Recorder(httpx.Response(503, headers={"Retry-After": "30"}))
    source = make_source(recorder, backoff=Backoff(rng=lambda low, high: low))
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedHTTPError)
    assert outcome.error.status_code == 503 and outcome.error.retry_after == 30.0
    assert outcome.error.summary == "HTTP 503"
    assert source.next_delay(2.0) == 30.0


@pytest.mark.parametrize("status", [204, 301, 404, 500])
async def test_other_statuses_are_http_errors(status: int) -> None:
    source = make_source(Recorder(httpx.Response(status)))
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedHTTPError)
    assert outcome.error.status_code == status and outcome.error.retry_after is None


# transport failures ------------------------------------------------------------------


def raising(error: Exception, cause: BaseException | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error from cause

    return handler


@pytest.mark.parametrize(
    ("handler", "error_type", "summary"),
    [
        (
            raising(httpx.ConnectError("lookup"), socket.gaierror(-2, "Name or service not known")),
            FeedUnreachable,
            "cannot resolve host",
        ),
        (
            raising(httpx.ConnectError("failed"), ConnectionRefusedError(111, "refused")),
            FeedUnreachable,
            "connection refused",
        ),
        (raising(httpx.ConnectError("other")), FeedUnreachable, "cannot connect"),
        (raising(httpx.ConnectTimeout("slow")), FeedTimeout, "no connection within 5 s"),
        (raising(httpx.ReadTimeout("slow")), FeedTimeout, "server silent for 5 s"),
        (raising(httpx.RemoteProtocolError("gone")), FeedUnreachable, "connection dropped"),
        (raising(httpx.ReadError("reset")), FeedUnreachable, "connection dropped"),
    ],
)
async def test_transport_failures_have_plain_summaries(
    handler: Handler, error_type: type[Exception], summary: str
) -> None:
    outcome = await make_source(handler).poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, error_type)
    assert outcome.error.summary == summary


async def test_redirect_loop() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/again"})

    outcome = await make_source(handler).poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedUnreachable)
    assert outcome.error.summary == "redirect loop"


async def test_bad_gzip_is_a_decode_error() -> None:
    stream = httpx.ByteStream(b"not gzip at all")
    gzipped = httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=stream)
    source = make_source(Recorder(gzipped))
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedDecodeError)
    assert outcome.error.summary == "feed could not be decompressed"


# size cap and deadline ---------------------------------------------------------------


class Body(httpx.AsyncByteStream):
    """A streamed body that counts what was read and can stall forever."""

    def __init__(self, chunks: int, size: int = 1000, stall: bool = False) -> None:
        self.chunks, self.size, self.stall, self.read = chunks, size, stall, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.chunks):
            self.read += 1
            yield b" " * self.size
        if self.stall:
            await asyncio.Event().wait()


async def test_declared_length_over_cap_refused_unread() -> None:
    body = Body(chunks=100)
    headers = {"Content-Length": "100000"}
    source = make_source(lambda _: httpx.Response(200, headers=headers, stream=body), max_bytes=500)
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedTooLarge)
    assert body.read == 0


async def test_streamed_body_stops_at_cap() -> None:
    body = Body(chunks=100)
    source = make_source(lambda _: httpx.Response(200, stream=body), max_bytes=5_500)
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedTooLarge)
    assert body.read == 6


async def test_deadline_holds_over_a_stalled_body() -> None:
    source = make_source(
        lambda _: httpx.Response(200, stream=Body(chunks=1, stall=True)), deadline=0.2
    )
    outcome = await source.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedTimeout)
    assert outcome.error.summary == "no answer within 0.2 s"


# client ownership -----------------------------------------------------------------------


async def test_closes_only_its_own_client() -> None:
    injected = httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(304)))
    await HttpSource(URL, client=injected).aclose()
    assert not injected.is_closed
    own = HttpSource(URL)
    await own.aclose()
    assert own._client.is_closed
    await injected.aclose()
