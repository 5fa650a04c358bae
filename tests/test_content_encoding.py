"""Tests of compressed feeds: what the board asks for, decodes, and names when it cannot.

Issue 11, kind 7: a server answering `Content-Encoding: br` (which the board
had not asked for) was reported as "feed is not UTF-8: bad byte at offset 7".
The board decodes what well-kept libraries decode (gzip and deflate from the
standard library, brotli, zstandard), advertises exactly those in
Accept-Encoding, and names any other coding in plain words.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

import brotli
import pytest
import zstandard

from feeds.errors import FeedDecodeError
from feeds.source import Backoff, Changed, Failed
from feeds.sources.http import ACCEPT_ENCODING, DECODABLE, HttpSource
from sample_feeds.factory import encode, small_document
from tests.faultserver import FaultServer, Step

BODY = encode(small_document(sequence=3))

COMPRESS = {
    "gzip": lambda body: zlib.compress(body, wbits=31),
    "x-gzip": lambda body: zlib.compress(body, wbits=31),
    "deflate": lambda body: zlib.compress(body),
    "br": brotli.compress,
    "zstd": lambda body: zstandard.ZstdCompressor().compress(body),
    "identity": lambda body: body,
}


@pytest.fixture
async def source(server: FaultServer) -> AsyncIterator[HttpSource]:
    polled = HttpSource(server.url, deadline=2.0, backoff=Backoff(rng=lambda low, high: low))
    yield polled
    await polled.aclose()


@pytest.mark.parametrize("coding", ["gzip", "x-gzip", "deflate", "br", "zstd", "identity", "BR"])
async def test_each_decodable_coding_gives_the_feed(
    server: FaultServer, source: HttpSource, coding: str
) -> None:
    server.script([Step.encoded(COMPRESS[coding.lower()](BODY), coding)])
    outcome = await source.poll()
    assert isinstance(outcome, Changed), outcome
    assert outcome.snapshot.feed.sequence == 3


async def test_stacked_codings_are_undone_in_reverse(
    server: FaultServer, source: HttpSource
) -> None:
    wire = brotli.compress(zlib.compress(BODY, wbits=31))
    server.script([Step.encoded(wire, "gzip, br")])
    outcome = await source.poll()
    assert isinstance(outcome, Changed), outcome


@pytest.mark.parametrize(
    ("coding", "named"),
    [
        ("compress", "compress"),
        ("xz", "xz"),
        ("snappy", "snappy"),
        ("gzip, lz4", "lz4"),
        ("sdch", "sdch"),
    ],
)
async def test_a_coding_the_board_cannot_read_is_named(
    server: FaultServer, source: HttpSource, coding: str, named: str
) -> None:
    server.script([Step.encoded(b"\x1f\x9d\x90{\x00\x01\x02\x03", coding)])
    outcome = await source.poll()
    assert isinstance(outcome, Failed), outcome
    assert isinstance(outcome.error, FeedDecodeError)
    assert outcome.error.summary == f"compressed as {named}, which this board cannot read"


async def test_accept_encoding_lists_exactly_what_it_decodes(
    server: FaultServer, source: HttpSource
) -> None:
    server.script([Step.ok(BODY)])
    await source.poll()
    sent = server.requests[0].headers["accept-encoding"]
    assert sent == ACCEPT_ENCODING
    assert [c.strip() for c in sent.split(",")] == ["gzip", "deflate", "br", "zstd"]
    assert set(DECODABLE) == {"identity", "gzip", "x-gzip", "deflate", "br", "zstd"}


async def test_brotli_body_from_the_field_case(server: FaultServer, source: HttpSource) -> None:
    """The field case: a brotli body served as `br` to a board that (then) asked for gzip."""
    server.script([Step.encoded(brotli.compress(BODY, quality=11), "br")])
    outcome = await source.poll()
    assert isinstance(outcome, Changed), outcome
