"""Unit tests of `HttpSource` on `httpx.MockTransport`: URLs, headers, secrets, validators, the
client it owns (how an answer is read — Retry-After, failures, the cap: `test_http_answer.py`)."""

from __future__ import annotations

import httpx
import pytest

from feeds.errors import (
    FeedSchemaError,
    SequenceRegression,
)
from feeds.source import Changed, Failed, Unchanged
from feeds.sources.http import HttpSource
from sample_feeds.factory import encode, small_document
from tests.httpkit import TOKEN, URL, Recorder, make_source, ok

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


# client ownership -----------------------------------------------------------------------


async def test_closes_only_its_own_client() -> None:
    injected = httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(304)))
    await HttpSource(URL, client=injected).aclose()
    assert not injected.is_closed
    own = HttpSource(URL)
    await own.aclose()
    assert own._client.is_closed
    await injected.aclose()
