"""Tests of `ApSource` against the fake AP server on 127.0.0.1: links, pages, quota, key."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from feeds.ap.sources import MIN_INTERVAL, ApSource, open_ap, peek_link
from feeds.errors import FeedDecodeError, KeyRefused, QuotaExceeded
from feeds.race import RaceContest
from feeds.source import Changed, Failed, Unchanged
from tests.apnight import NIGHT, encode, response
from tests.fakeap import QUOTA, FakeAp

KEY = "test-key-123"


def source(fake: FakeAp, key: str | None = KEY) -> ApSource:
    return ApSource(fake.url, api_key=key, rng=lambda low, high: high)


def called(outcome: object, title: str) -> bool:
    assert isinstance(outcome, Changed)
    contest = next(c for c in outcome.snapshot.feed.contests if c.title == title)
    assert isinstance(contest, RaceContest)
    return contest.called


async def test_the_first_poll_asks_for_everything_then_follows_each_link_exactly() -> None:
    with FakeAp() as fake:
        ap = source(fake)
        first = await ap.poll()
        assert isinstance(first, Changed) and len(first.snapshot.feed.contests) == 6
        seen = fake.requests[-1]
        assert seen.headers["x-api-key"] == KEY
        assert "gzip" in seen.headers["accept-encoding"]
        assert "minDateTime" not in seen.target
        link = ap.next_link
        assert link is not None and "minDateTime=2028-11-07T23%3A00%3A00.000Z" in link

        assert isinstance(await ap.poll(), Unchanged)  # nothing changed: just the link
        assert link.endswith(fake.requests[-1].target)
        fake.advance()
        outcome = await ap.poll()
        assert isinstance(outcome, Changed) and outcome.snapshot.feed.sequence == 2
        assert not called(outcome, "NV President")
        fake.advance()
        assert called(await ap.poll(), "KS U.S. Senate")
        fake.advance()
        assert not called(await ap.poll(), "KS U.S. Senate")  # AP retracted the call
        await ap.aclose()


async def test_truncated_pages_are_fetched_at_once_and_read_as_one_poll() -> None:
    with FakeAp(page_size=1) as fake:
        ap = source(fake)
        await ap.poll()
        fake.advance()
        before = len(fake.requests)
        outcome = await ap.poll()
        assert isinstance(outcome, Changed)
        pages = fake.requests[before:]
        assert len(pages) == len(NIGHT[1])  # one race a page
        assert [("offset=" in p.target) for p in pages] == [False, True, True, True]
        assert outcome.snapshot.feed.sequence == 2  # one feed for every page
        assert ap.next_link is not None and "offset" not in ap.next_link
        await ap.aclose()


async def test_a_link_is_committed_only_once_its_response_was_accepted() -> None:
    with FakeAp() as fake:
        ap = source(fake)
        await ap.poll()
        link = ap.next_link
        fake.advance()
        fake.fail_next(200, {"races": "not a list", "nextrequest": "/elsewhere"})
        failed = await ap.poll()
        assert isinstance(failed, Failed)
        assert ap.next_link == link
        assert isinstance(await ap.poll(), Changed)
        assert link is not None and link.endswith(fake.requests[-1].target)  # asked again
        await ap.aclose()


async def test_a_quota_answer_is_named_and_waited_out() -> None:
    with FakeAp() as fake:
        ap = source(fake)
        await ap.poll()
        fake.fail_next(*QUOTA)
        outcome = await ap.poll()
        assert isinstance(outcome, Failed) and isinstance(outcome.error, QuotaExceeded)
        assert outcome.error.summary == "AP per-minute quota exceeded"
        assert outcome.error.retry_after == 10.0  # AP: wait 5–10 s (rng gives the top)
        assert ap.next_delay(1.0) == 10.0
        assert isinstance(await ap.poll(), Unchanged)
        await ap.aclose()


async def test_a_refused_key_is_one_line_slows_polling_and_never_shows_the_key() -> None:
    with FakeAp() as fake:
        ap = source(fake, key="wrong-key-456")
        outcome = await ap.poll()
        assert isinstance(outcome, Failed) and isinstance(outcome.error, KeyRefused)
        assert outcome.error.summary == (
            "AP refused the API key (HTTP 401): check RESULTS_BOARD_AP_KEY"
        )
        assert "wrong-key-456" not in str(outcome.error) + ap.description + repr(ap)
        assert ap.next_delay(10.0) >= 60.0
        await ap.aclose()


async def test_polling_is_never_faster_than_ap_asks() -> None:
    with FakeAp() as fake:
        ap = source(fake)
        await ap.poll()
        assert ap.next_delay(1.0) == MIN_INTERVAL
        await ap.aclose()


async def test_the_same_url_asked_again_sends_its_etag() -> None:
    with FakeAp() as fake:
        ap = source(fake)
        await ap.poll()
        ap._next = None  # a response without a link: the base URL is asked again
        assert isinstance(await ap.poll(), Unchanged)
        assert fake.requests[-1].headers.get("if-none-match") == '"v0"'
        await ap.aclose()


def test_peek_link_reads_the_top_level_link_and_truncation() -> None:
    body = encode(response(NIGHT[1], link="/v2/elections/x?minDateTime=1", truncated=True))
    assert peek_link(body) == ("/v2/elections/x?minDateTime=1", True)
    assert peek_link(b'{"nextrequest": null}') == (None, False)
    assert peek_link(b'{"races": []}') == (None, False)


async def test_a_link_to_another_host_is_refused_and_the_key_never_sent_there() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.host == "evil.example":
            return httpx.Response(200, json={"races": []})
        if request.url.path == "/moved":
            return httpx.Response(302, headers={"Location": "https://evil.example/steal"})
        body = response(NIGHT[0], link="https://evil.example/v2/elections/x?minDateTime=1")
        return httpx.Response(200, json=body)

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=True)
    ap = ApSource("https://api.example/v2/elections/x", api_key=KEY, client=client)
    outcome = await ap.poll()
    assert isinstance(outcome, Failed) and isinstance(outcome.error, FeedDecodeError)
    assert "another host" in outcome.error.summary
    redirected = ApSource("https://api.example/moved", api_key=KEY, client=client)
    await redirected.poll()
    assert sent[-1].url.host == "evil.example" and "x-api-key" not in sent[-1].headers
    await client.aclose()


def test_open_ap_refuses_a_key_in_the_url_and_ap_without_a_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RESULTS_BOARD_AP_KEY", raising=False)
    with pytest.raises(ValueError, match="not in the URL"):
        open_ap("https://api.ap.org/v3/elections/2028-11-07?apiKey=abc")
    with pytest.raises(ValueError, match="set RESULTS_BOARD_AP_KEY"):
        open_ap("https://api.ap.org/v3/elections/2028-11-07")
    monkeypatch.setenv("RESULTS_BOARD_AP_KEY", "k")
    assert isinstance(open_ap("https://api.ap.org/v3/elections/2028-11-07"), ApSource)


async def test_an_http_link_from_ap_stays_on_https_to_the_same_host() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        link = "http://api.example/v2/elections/x?format=json&minDateTime=2028-11-07T23%3a00Z"
        return httpx.Response(200, json=response(NIGHT[0], link=link))

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    ap = ApSource("https://api.example/v2/elections/x", api_key=KEY, client=client)
    assert isinstance(await ap.poll(), Changed)
    assert ap.next_link == (
        "https://api.example/v2/elections/x?format=json&minDateTime=2028-11-07T23%3a00Z"
    )
    await client.aclose()


def test_the_floor_binds_on_aps_host_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESULTS_BOARD_AP_KEY", "k")
    at_ap = open_ap("https://api.ap.org/v3/elections/2028-11-07")
    mirror = open_ap("http://127.0.0.1:9/v2/elections/2028-11-07")
    assert isinstance(at_ap, ApSource) and isinstance(mirror, ApSource)
    assert (at_ap.next_delay(1.0), mirror.next_delay(1.0)) == (MIN_INTERVAL, 1.0)


async def test_a_file_of_responses_plays_a_line_a_poll(tmp_path: Path) -> None:
    lines = [encode(response(NIGHT[0], link="/x"))]
    lines += [encode(response(step, link="/x", truncated=False)) for step in NIGHT[1:]]
    path = tmp_path / "responses.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    played = open_ap(str(path))
    sequences = []
    while not played.finished:
        outcome = await played.poll()
        assert isinstance(outcome, Changed)
        sequences.append(outcome.snapshot.feed.sequence)
    assert sequences == [1, 2, 3, 4]
    assert isinstance(await played.poll(), Unchanged)
