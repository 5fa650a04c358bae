"""Tests `feeds.relay.Relay` (`results-board relay`) between real servers on 127.0.0.1.

Upstream is a real `serve-feed` (or the fault server, to see the request);
downstream is plain HTTP and the project's own `HttpSource`, as a board.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import httpx
import pytest

from feeds.relay import Relay
from feeds.server import FeedServer
from feeds.source import Changed
from feeds.sources import open_source
from feeds.sources.http import HttpSource, user_agent
from sample_feeds.factory import encode, small_document
from tests.faultserver import FaultServer, Step
from tests.waiting import async_wait_for, wait_for

ROOT = Path(__file__).resolve().parent.parent
INTERVAL = 0.05


def feed_bytes(sequence: int) -> bytes:
    return encode(small_document(sequence))


class Seconds:
    """A Unix clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as client:
        yield client


def relay_of(url: str, seconds: Seconds, port: int = 0) -> Relay:
    source = open_source(url, deadline=2.0)
    return Relay(source, interval=INTERVAL, seconds=seconds, port=port)


def status(client: httpx.Client, relay: Relay) -> dict[str, object]:
    answer = client.get(relay.url.replace("/feed.json", "/status"))
    assert answer.headers["Cache-Control"] == "no-store"
    result: dict[str, object] = answer.json()
    return result


def test_publishes_each_change_with_its_own_growing_sequence(client: httpx.Client) -> None:
    seconds = Seconds()
    documents = [feed_bytes(5), feed_bytes(6), feed_bytes(7)]
    with FeedServer(documents, manual=True) as upstream, relay_of(upstream.url, seconds) as relay:
        wait_for(lambda: status(client, relay)["changes"] == 1, "the first document")
        first = client.get(relay.url)
        body = json.loads(first.content)
        assert body["sequence"] == 1_800_000_000
        assert body.pop("upstream")["state"] == "ok"  # the relay's word on its source
        assert {**body, "sequence": 5} == json.loads(documents[0])  # all else as upstream sent
        upstream.next()  # same second: one more
        wait_for(lambda: status(client, relay)["changes"] == 2, "the second document")
        assert json.loads(client.get(relay.url).content)["sequence"] == 1_800_000_001
        seconds.now += 60
        upstream.next()
        wait_for(lambda: status(client, relay)["changes"] == 3, "the third document")
        third = client.get(relay.url)
        assert json.loads(third.content)["sequence"] == 1_800_000_060
        assert third.headers["ETag"] != first.headers["ETag"]
        assert third.headers["Last-Modified"] == "Fri, 06 May 2016 09:00:00 GMT"  # published_at
        report = status(client, relay)
        assert report["state"] == "ok"
        assert (report["sequence"], report["upstream_sequence"]) == (1_800_000_060, 7)
        assert report["source"] == upstream.url and report["last_error"] is None


async def test_a_board_accepts_a_restarted_relay() -> None:
    seconds = Seconds()
    with FeedServer([feed_bytes(5), feed_bytes(6)], manual=True) as upstream:
        relay = relay_of(upstream.url, seconds).start()
        board = HttpSource(relay.url, deadline=2.0)
        try:
            assert isinstance(await board.poll(), Changed)  # may come before the first ingest
            port = relay.port
            relay.stop()
            seconds.now += 5  # the restart took seconds
            upstream.next()
            relay = relay_of(upstream.url, seconds, port=port).start()
            outcomes = []

            async def changed() -> bool:
                outcomes.append(await board.poll())
                return isinstance(outcomes[-1], Changed)

            await async_wait_for(changed, "the board to take the restarted relay's document")
            last = outcomes[-1]
            assert isinstance(last, Changed) and last.snapshot.feed.sequence == 1_800_000_005
        finally:
            relay.stop()
            await board.aclose()


def test_keeps_the_last_good_document_while_upstream_fails(client: httpx.Client) -> None:
    seconds = Seconds()
    upstream = FeedServer([feed_bytes(5)], manual=True).start()
    port = upstream.port
    with relay_of(upstream.url, seconds) as relay:
        wait_for(lambda: status(client, relay)["changes"] == 1, "the first document")
        good = json.loads(client.get(relay.url).content)
        upstream.stop()
        # A poll in flight as the server stops may say "connection dropped" first; every poll
        # after it finds the port closed.
        wait_for(
            lambda: status(client, relay)["last_error"] == "connection refused",
            "the relay to say its upstream refuses connections",
        )
        report = status(client, relay)
        assert report["state"] == "failing"
        assert report["failing_since"] is not None and report["last_good_poll"] is not None
        # The last good figures are still served, published again to say the upstream fails
        # (a new sequence, so caches and boards take it).
        failing = json.loads(client.get(relay.url).content)
        said = failing.pop("upstream")
        assert said["state"] == "failing" and said["error"] == "connection refused"
        assert said["since"] == report["failing_since"]
        assert said["last_good"] == report["last_good_poll"]
        assert failing["sequence"] > good["sequence"]
        for key in set(good) - {"upstream", "sequence"}:
            assert failing[key] == good[key]
        polls = status(client, relay)["polls"]
        wait_for(lambda: status(client, relay)["polls"] >= polls + 2, "more failed polls")
        assert json.loads(client.get(relay.url).content)["sequence"] == failing["sequence"]
        with FeedServer([feed_bytes(9)], manual=True, port=port):
            wait_for(lambda: status(client, relay)["upstream_sequence"] == 9, "recovery")
            assert status(client, relay)["state"] == "ok"
            assert status(client, relay)["failing_since"] is None
            assert json.loads(client.get(relay.url).content)["upstream"]["state"] == "ok"


def test_answers_503_until_the_first_document(client: httpx.Client) -> None:
    with FaultServer() as upstream:
        upstream.script([Step.status(503)] * 1000)
        with relay_of(upstream.url, Seconds()) as relay:
            wait_for(lambda: status(client, relay)["polls"] >= 1, "a poll")
            answer = client.get(relay.url)
            assert answer.status_code == HTTPStatus.SERVICE_UNAVAILABLE
            assert answer.headers["Retry-After"] == "1"
            report = status(client, relay)
            assert (report["state"], report["last_error"]) == ("waiting", "HTTP 503")


def test_a_finished_recording_stays_up(client: httpx.Client, tmp_path: Path) -> None:
    recording = tmp_path / "night.jsonl"
    recording.write_bytes(feed_bytes(3) + b"\n")
    with Relay(open_source(str(recording)), interval=INTERVAL) as relay:
        wait_for(lambda: status(client, relay)["state"] == "finished", "the end of the recording")
        assert json.loads(client.get(relay.url).content)["contests"]


def test_relay_command_names_itself_upstream_and_stops_on_ctrl_c() -> None:
    with FaultServer() as upstream:
        upstream.script([Step.ok(feed_bytes(4), etag='"4"')])
        options = ["--port", "0", "--interval", "1", "--id", "gallery-relay", "--s-maxage", "2"]
        process = subprocess.Popen(
            [sys.executable, "-m", "board", "relay", upstream.url, *options],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: list[str] = []
        threading.Thread(target=lambda: lines.extend(process.stdout or []), daemon=True).start()
        try:
            wait_for(lambda: any("new document" in line for line in lines), "the first document")
            url = lines[0].split()[-1]
            answer = httpx.get(url, timeout=10)
            assert answer.status_code == 200
            assert "s-maxage=2" in answer.headers["Cache-Control"]
            assert upstream.requests[0].headers["user-agent"] == user_agent("gallery-relay")
            assert user_agent("gallery-relay").endswith(" (+gallery-relay)")
        finally:
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=10)
        assert code == 0
        assert "Traceback" not in (process.stderr.read() if process.stderr else "")
