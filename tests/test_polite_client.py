"""Tests that the HTTP source is a polite client: one kept connection, a spread start, a name.

Connections are counted on the server side, on the fault server (by the
client's port) and on the project's own publishing server (by accept).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import feeds.sources
from board.cli import main
from board.nettools import FIRST_POLL_JITTER_CAP
from feeds.server import FeedServer
from feeds.source import Changed, FeedSource, Unchanged
from feeds.sources.http import HttpSource, user_agent
from sample_feeds.factory import encode, small_document
from tests.clikit import assert_one_line_error
from tests.faultserver import FaultServer, Step


def feed_bytes(sequence: int) -> bytes:
    return encode(small_document(sequence))


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
async def source(server: FaultServer) -> AsyncIterator[HttpSource]:
    polled = HttpSource(server.url, deadline=2.0)
    yield polled
    await polled.aclose()


async def test_one_connection_across_304s(server: FaultServer, source: HttpSource) -> None:
    """A 304 returned unread closed its connection: five boards opened ~180 for 305 polls."""
    server.script([Step.ok(feed_bytes(1), etag='"one"')])  # answers 304 when matched
    outcomes = [await source.poll() for _ in range(6)]
    assert isinstance(outcomes[0], Changed)
    assert all(isinstance(outcome, Unchanged) for outcome in outcomes[1:])
    assert len({request.peer for request in server.requests}) == 1


async def test_one_connection_across_304s_from_serve_feed() -> None:
    with FeedServer([feed_bytes(1), feed_bytes(2)], manual=True) as served:
        source = HttpSource(served.url, deadline=2.0)
        try:
            for _ in range(5):
                await source.poll()
            served.next()
            assert isinstance(await source.poll(), Changed)
            for _ in range(5):
                assert isinstance(await source.poll(), Unchanged)
        finally:
            await source.aclose()
        assert served.http.connections == 1


async def test_a_small_error_page_keeps_the_connection(
    server: FaultServer, source: HttpSource
) -> None:
    server.script([Step.status(503, b"busy")] * 3 + [Step.ok(feed_bytes(1))])
    for _ in range(4):
        await source.poll()
    assert len({request.peer for request in server.requests}) == 1


async def test_the_first_poll_waits_a_random_part_of_the_jitter(server: FaultServer) -> None:
    server.script([Step.ok(feed_bytes(1), etag='"one"')])
    asked: list[tuple[float, float]] = []

    def rng(low: float, high: float) -> float:
        asked.append((low, high))
        return high / 2

    source = HttpSource(server.url, deadline=2.0, start_jitter=0.4, rng=rng)
    try:
        started = time.monotonic()
        assert isinstance(await source.poll(), Changed)
        waited = time.monotonic() - started
        assert isinstance(await source.poll(), Unchanged)
    finally:
        await source.aclose()
    assert asked == [(0.0, 0.4)]  # once: the later polls keep the phase
    assert waited >= 0.2  # it did wait (a lower bound only: load makes it later, never sooner)


async def test_user_agent_names_the_version_and_the_board(server: FaultServer) -> None:
    server.script([Step.ok(feed_bytes(1))])
    for client_id, expected in ((None, user_agent()), ("gallery-3", user_agent("gallery-3"))):
        source = HttpSource(server.url, client_id=client_id)
        try:
            await source.poll()
        finally:
            await source.aclose()
        assert server.requests[-1].headers["user-agent"] == expected
    assert user_agent().startswith("results-board/") and "(" not in user_agent()
    assert user_agent("gallery-3") == f"{user_agent()} (+gallery-3)"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Record the options each command opens its source with; the board never starts."""
    seen: list[dict[str, Any]] = []

    def open_source(spec: str, **options: Any) -> FeedSource:
        seen.append(options)
        raise ValueError("stop here")

    monkeypatch.setattr(feeds.sources, "open_source", open_source)
    return seen


@pytest.mark.parametrize("command", ["watch", "record", "relay"])
def test_id_and_jitter_options(opened: list[dict[str, Any]], command: str) -> None:
    extra = ["out.jsonl"] if command == "record" else []
    url = "http://127.0.0.1:9/feed.json"
    assert main([command, url, *extra, "--id", "desk-1", "--jitter", "0"]) == 2
    assert main([command, url, *extra, "--interval", "2"]) == 2
    assert main([command, url, *extra, "--interval", "30"]) == 2
    assert [(o["client_id"], o["start_jitter"]) for o in opened] == [
        ("desk-1", 0.0),
        (None, 2.0),  # one interval…
        (None, FIRST_POLL_JITTER_CAP),  # …at most the cap
    ]


@pytest.mark.parametrize("bad", ["", "-x", "a b", "x" * 65, "naïve", "a/b"])
def test_a_bad_id_is_a_usage_error(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["watch", "http://127.0.0.1:9/feed.json", "--id", bad]) == 2
    assert_one_line_error(capsys.readouterr().err)
