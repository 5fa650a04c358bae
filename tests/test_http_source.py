"""Integration tests of `HttpSource` against a real, misbehaving `FaultServer` on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from feeds import (
    Backoff,
    Changed,
    Failed,
    FeedDecodeError,
    FeedError,
    FeedHTTPError,
    FeedTimeout,
    FeedTooLarge,
    FeedUnreachable,
    PollOutcome,
    SequenceRegression,
    Unchanged,
)
from feeds.sources.http import HttpSource
from sample_feeds.factory import encode, small_document
from tests.faultserver import FaultServer, Step
from tests.waiting import wait_for

CAP = 1_000_000


@pytest.fixture
async def source(server: FaultServer) -> AsyncIterator[HttpSource]:
    polled = HttpSource(
        server.url, deadline=1.0, max_bytes=CAP, backoff=Backoff(rng=lambda low, high: low)
    )
    yield polled
    await polled.aclose()


def failed(outcome: PollOutcome, error_type: type[FeedError], summary: str | None = None) -> None:
    """Assert `outcome` failed with `error_type` (and `summary`, if given)."""
    assert isinstance(outcome, Failed), outcome
    assert isinstance(outcome.error, error_type), outcome.error
    if summary is not None:
        assert outcome.error.summary == summary


async def test_304_after_if_none_match(server: FaultServer, source: HttpSource) -> None:
    server.script(
        [Step.ok(encode(small_document(1)), etag='"one"')]
    )  # answers 304 itself when matched
    first, second = await source.poll(), await source.poll()
    assert isinstance(first, Changed) and first.snapshot.feed.sequence == 1
    assert isinstance(second, Unchanged)
    assert "if-none-match" not in server.requests[0].headers
    assert server.requests[1].headers["if-none-match"] == '"one"'
    assert server.requests[1].peer == server.requests[0].peer  # one kept-alive connection


async def test_304_after_if_modified_since(server: FaultServer, source: HttpSource) -> None:
    stamp = "Fri, 06 May 2016 08:00:00 GMT"
    server.script([Step.ok(encode(small_document(1)), last_modified=stamp), Step.not_modified()])
    assert isinstance(await source.poll(), Changed)
    assert isinstance(await source.poll(), Unchanged)
    assert server.requests[1].headers["if-modified-since"] == stamp


async def test_sequence_regression_refused(server: FaultServer, source: HttpSource) -> None:
    server.script(
        [
            Step.ok(encode(small_document(5)), etag='"5"'),
            Step.ok(encode(small_document(3)), etag='"3"'),
            Step.reset(),
        ]
    )
    assert isinstance(await source.poll(), Changed)
    failed(await source.poll(), SequenceRegression, "old feed copy ignored")
    await source.poll()
    assert server.requests[2].headers["if-none-match"] == '"5"'  # the old copy's ETag not kept


@pytest.mark.parametrize("content_length", [True, False])
async def test_body_over_cap_refused_without_reading_it_all(
    server: FaultServer, source: HttpSource, content_length: bool
) -> None:
    size = 64 * CAP
    server.script([Step.oversized(size, content_length=content_length)])
    failed(await source.poll(), FeedTooLarge, f"feed larger than {CAP:,} bytes")
    wait_for(lambda: server.requests[0].done, "the server to give up sending")
    assert server.requests[0].bytes_sent < size // 4  # the rest was never read


async def test_gzip_bomb_refused(server: FaultServer, source: HttpSource) -> None:
    server.script([Step.gzip_bomb(100 * CAP)])
    failed(await source.poll(), FeedTooLarge)
    wait_for(lambda: server.requests[0].done, "the server to give up sending")
    assert server.requests[0].bytes_sent < CAP // 4  # small on the wire


async def test_gzip_body_accepted(server: FaultServer, source: HttpSource) -> None:
    server.script([Step.ok(encode(small_document(1, declarations=50)), gzip=True)])
    outcome = await source.poll()
    assert isinstance(outcome, Changed) and outcome.snapshot.feed.sequence == 1


@pytest.mark.parametrize("step", [Step.trickle(0.2), Step.hang()], ids=["trickle", "hang"])
async def test_abandoned_at_the_deadline(
    server: FaultServer, source: HttpSource, step: Step
) -> None:
    server.script([step])
    failed(await source.poll(), FeedTimeout, "no answer within 1 s")


async def test_503_retry_after_honoured(server: FaultServer, source: HttpSource) -> None:
    server.script([Step.status(503, retry_after=7), Step.status(503)])
    failed(await source.poll(), FeedHTTPError, "HTTP 503")
    assert source.next_delay(1.0) == 7.0
    failed(await source.poll(), FeedHTTPError)
    assert source.next_delay(1.0) == 1.0  # no Retry-After: back to jittered back-off (rng: low)


async def test_429_with_http_date(server: FaultServer, source: HttpSource) -> None:
    server.script([Step.status(429, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")])
    outcome = await source.poll()
    failed(outcome, FeedHTTPError, "HTTP 429")
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedHTTPError)
    assert outcome.error.retry_after == 0.0  # a date in the past


FAULTS = {
    "404": (Step.status(404), FeedHTTPError, "HTTP 404"),
    "500": (Step.status(500, b"oops"), FeedHTTPError, "HTTP 500"),
    "html": (Step.html_error_page(), FeedDecodeError, "not a JSON feed"),
    "invalid-json": (Step.raw(b'{"format": '), FeedDecodeError, "not a JSON feed"),
    "non-utf8": (Step.raw(b'{"title": "\xff\xfe"}'), FeedDecodeError, "feed is not UTF-8"),
    "empty": (Step.raw(b""), FeedDecodeError, "empty feed"),
    "truncated": (
        Step.truncated(encode(small_document(1)), 40),
        FeedUnreachable,
        "feed cut off mid-transfer",
    ),
    "dropped": (Step.reset(), FeedUnreachable, "connection dropped"),
    "redirect-loop": (Step.redirect_loop(), FeedUnreachable, "redirect loop"),
    "redirect-ftp": (
        Step.status(302, headers={"Location": "ftp://127.0.0.1/feed"}),
        FeedUnreachable,
        "redirected to an unusable address",
    ),
}


@pytest.mark.parametrize(("step", "error_type", "summary"), FAULTS.values(), ids=FAULTS.keys())
async def test_fault_named_in_plain_words(
    server: FaultServer,
    source: HttpSource,
    step: Step,
    error_type: type[FeedError],
    summary: str,
) -> None:
    server.script([step])
    failed(await source.poll(), error_type, summary)


async def test_connection_refused(server: FaultServer, source: HttpSource) -> None:
    server.stop()
    failed(await source.poll(), FeedUnreachable, "connection refused")


async def test_recovery_after_faults(server: FaultServer, source: HttpSource) -> None:
    server.script(
        [
            Step.ok(encode(small_document(1)), etag='"1"'),
            Step.status(503, retry_after=2),
            Step.raw(b"<html>"),
            Step.truncated(encode(small_document(2)), 10),
            Step.hang(),
            Step.ok(encode(small_document(2)), etag='"2"'),
        ]
    )
    assert isinstance(await source.poll(), Changed)
    for expected in range(1, 5):
        assert isinstance(await source.poll(), Failed)
        assert source.failures == expected
    assert source.next_delay(1.0) == 1.0
    outcome = await source.poll()
    assert isinstance(outcome, Changed) and outcome.snapshot.feed.sequence == 2
    assert source.failures == 0 and source.last_error is None
    assert source.next_delay(1.0) == 1.0
    assert isinstance(await source.poll(), Unchanged)  # the default: last good step, now a 304


async def test_recovery_after_restart(server: FaultServer, source: HttpSource) -> None:
    server.script([Step.ok(encode(small_document(1)))])
    assert isinstance(await source.poll(), Changed)
    server.stop()
    failed(await source.poll(), FeedUnreachable)
    server.script([Step.ok(encode(small_document(2)))])
    server.start()
    assert isinstance(await source.poll(), Changed)
    assert source.failures == 0


async def test_bearer_token_sent(server: FaultServer) -> None:
    server.script([Step.ok(encode(small_document(1)))])
    source = HttpSource(server.url + "?key=abc", token="tok-123")
    try:
        assert isinstance(await source.poll(), Changed)
    finally:
        await source.aclose()
    assert server.requests[0].headers["authorization"] == "Bearer tok-123"
    assert "tok-123" not in source.description and "abc" not in source.description
