"""End to end: real boards behind the real nginx of `deploy/nginx/`, in front of the real relay.

upstream `serve-feed` ← `results-board relay` ← nginx (rendered by deploy/nginx/render.py)
← several real `results-board watch` boards in pseudo-terminals. The boards show each new
document; the upstream sees about one request per cache interval whatever the boards do;
nginx adds the token, so boards hold none; a dead relay shows on the boards as it should.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from bench.nginx import Nginx, nginx_binary
from bench.terminal import PtyProgram, board_command
from feeds.publish import Published
from feeds.relay import Relay
from feeds.server import FeedServer
from feeds.sources import open_source
from sample_feeds.factory import councils, document, encode
from tests.faultserver import FaultServer, Step
from tests.waiting import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def nginx_installed() -> None:
    """A skip where nginx is missing; a failure in CI, where `.ci/run` installs it."""
    if nginx_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed (.ci/run installs it with apt-get)")
        pytest.skip("nginx is not installed (apt-get install nginx)")


BOARDS = 4
CACHE_SECONDS = 1
"""nginx's cache interval."""


class CountingFeedServer(FeedServer):
    """serve-feed that counts the requests for the document (nginx's, through the relay)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.requests: list[float] = []

    def current(self) -> Published:
        self.requests.append(time.monotonic())
        return super().current()


class CountingRelay(Relay):
    """The relay, counting the requests for the document (nginx's)."""

    requests = 0

    def current(self) -> Published | None:
        self.requests += 1
        return super().current()


def board(url: str, number: int) -> PtyProgram:
    command = [*board_command(), "watch", url, "--interval", "1"]
    return PtyProgram([*command, "--id", f"gallery-{number}"], size=(100, 30))


def test_boards_behind_the_cache_show_new_figures_and_spare_the_upstream(tmp_path: Path) -> None:
    first = document(councils(reported=96), sequence=1)
    second = document(councils(reported=97), sequence=2)
    with ExitStack() as stack:
        served = CountingFeedServer([encode(first), encode(second)], manual=True)
        upstream = stack.enter_context(served)
        relay = stack.enter_context(CountingRelay(open_source(upstream.url), interval=1.0))
        nginx = stack.enter_context(Nginx(tmp_path / "nginx", relay.url, cache_seconds=1))
        boards = [stack.enter_context(board(nginx.url, n)) for n in range(BOARDS)]
        for each in boards:
            each.wait_for_text(lambda text: "96 of 124" in text and "LIVE" in text, timeout=30)

        # Relay polls the upstream every second; the boards poll nginx every second each.
        hits_before, relay_polls = len(nginx.access()), len(upstream.requests)
        relay_before = relay.requests
        start = time.monotonic()
        upstream.next()
        for each in boards:
            each.wait_for_text("97 of 124", timeout=20)
        time.sleep(max(0.0, 4.0 - (time.monotonic() - start)))  # a window of polls to count
        window = time.monotonic() - start

        relay_hits = [hit for hit in nginx.access()[hits_before:] if hit.target == "/feed.json"]
        board_polls = len(relay_hits)
        agents = {hit.agent for hit in relay_hits}
        assert {f"(+gallery-{n})" for n in range(BOARDS)} <= {a.split()[-1] for a in agents}
        # What reached the relay from nginx: about one request per cache interval.
        relay_requests = relay.requests - relay_before
        assert relay_requests <= window / CACHE_SECONDS + 3, (relay_requests, window)
        assert board_polls >= 2 * relay_requests, (board_polls, relay_requests)
        # The relay alone reads the upstream: once a second, whatever the number of boards.
        assert len(upstream.requests) - relay_polls <= window + 2
        assert all(hit.status in (200, 304) for hit in relay_hits)


def test_the_token_is_added_by_nginx_and_never_by_a_board(tmp_path: Path) -> None:
    body = encode(document(sequence=1))
    with (
        FaultServer() as upstream,
        Nginx(tmp_path / "nginx", upstream.url, token="tok-123") as nginx,
    ):
        upstream.script([Step.ok(body, etag='"1"')])
        answer = httpx.get(nginx.url, headers={"Authorization": "Bearer board-own"}, timeout=10)
        assert answer.status_code == 200 and answer.content == body
        assert upstream.requests[0].headers["authorization"] == "Bearer tok-123"
        assert httpx.get(nginx.url + "?bust=1", timeout=10).status_code == 400
        assert len(upstream.requests) == 1  # a query string does not pass the cache
    assert "tok-123" not in nginx.render_output  # never printed
    with FaultServer() as upstream:
        with Nginx(tmp_path / "n2", upstream.url, token="k-9", header="x-api-key") as nginx:
            upstream.script([Step.ok(body)])
            httpx.get(nginx.url, headers={"Authorization": "Bearer board-own"}, timeout=10)
        assert upstream.requests[0].headers["x-api-key"] == "k-9"
        assert "authorization" not in upstream.requests[0].headers


def test_status_passes_through_uncached_and_a_dead_relay_shows(tmp_path: Path) -> None:
    with ExitStack() as stack:
        upstream = stack.enter_context(FeedServer([encode(document(sequence=1))], manual=True))
        relay = Relay(open_source(upstream.url), interval=1.0).start()
        stack.callback(relay.stop)
        nginx = stack.enter_context(Nginx(tmp_path / "nginx", relay.url))
        status_url = nginx.url.replace("/feed.json", "/status")
        wait_for(lambda: httpx.get(nginx.url, timeout=5).status_code == 200, "the relayed feed")
        polls = [json.loads(httpx.get(status_url, timeout=5).content)["polls"] for _ in range(2)]
        wait_for(
            lambda: json.loads(httpx.get(status_url, timeout=5).content)["polls"] > polls[-1],
            "/status to move on (it is never cached)",
        )
        assert httpx.get(status_url, timeout=5).headers["Cache-Control"] == "no-store"
        watched = stack.enter_context(board(nginx.url, 0))
        watched.wait_for_text("LIVE", timeout=30)
        relay.stop()  # the cache must not hide a dead relay behind old figures shown as LIVE
        text = watched.wait_for_text(lambda t: "ERROR" in t or "STALE" in t, timeout=20)
        assert "96 of 124" in text


def test_a_dead_upstream_behind_a_live_relay_shows_on_every_board(tmp_path: Path) -> None:
    """The relay keeps serving the last good figures when its source dies, but says so in the
    document it publishes: boards behind it (and the cache) must not stay LIVE."""
    with ExitStack() as stack:
        upstream = FeedServer([encode(document(sequence=1))], manual=True).start()
        relay = Relay(open_source(upstream.url), interval=1.0).start()
        stack.callback(relay.stop)
        nginx = stack.enter_context(Nginx(tmp_path / "nginx", relay.url))
        wait_for(lambda: httpx.get(nginx.url, timeout=5).status_code == 200, "the relayed feed")
        watched = [stack.enter_context(board(nginx.url, n)) for n in range(2)]
        for screen in watched:
            screen.wait_for_text("LIVE", timeout=30)
        upstream.stop()  # the relay and the cache are fine; what they relay is not
        for screen in watched:
            text = screen.wait_for_text("relay's source failing", timeout=30)
            assert "connection refused" in text and "96 of 124" in text  # the figures stay
            assert "LIVE" not in text
