"""Unit tests of how `HttpSource` reads an answer (`feeds.sources.http_answer`), on
`httpx.MockTransport`: Retry-After, statuses, transport failures named plainly, the body cap
and the overall deadline."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from feeds.errors import FeedDecodeError, FeedHTTPError, FeedTimeout, FeedTooLarge, FeedUnreachable
from feeds.source import Backoff, Failed
from feeds.sources.http_answer import parse_retry_after
from tests.httpkit import NOW, Handler, Recorder, make_source

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
