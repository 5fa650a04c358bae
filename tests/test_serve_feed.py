"""Tests `feeds.server.FeedServer` (`results-board serve-feed`) as a real server on 127.0.0.1."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from feeds.parse import parse_feed
from feeds.server import LOOP_HOLD, FeedServer
from sample_feeds.factory import document, encode
from tests.boardkit import MonotonicClock
from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parent.parent


def night(count: int = 4) -> list[bytes]:
    """`count` documents published a minute apart, sequences 10, 11, …"""
    return [
        encode(document(sequence=10 + i, published_at=f"2016-05-06T02:0{i}:00+01:00"))
        for i in range(count)
    ]


@pytest.fixture
def clock() -> MonotonicClock:
    return MonotonicClock()


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as client:
        yield client


def status(client: httpx.Client, server: FeedServer) -> dict[str, object]:
    answer = client.get(server.url.replace("/feed.json", "/status"))
    assert answer.status_code == 200
    result: dict[str, object] = answer.json()
    return result


def post(client: httpx.Client, server: FeedServer, path: str) -> httpx.Response:
    return client.post(server.url.replace("/feed.json", path))


def test_serves_the_current_document_with_etag_and_304(
    clock: MonotonicClock, client: httpx.Client
) -> None:
    documents = night()
    with FeedServer(documents, speed=60, clock=clock) as server:
        assert server.url.startswith("http://127.0.0.1:")
        first = client.get(server.url)
        assert first.status_code == 200
        assert first.content == documents[0]
        etag = first.headers["ETag"]
        assert etag.startswith('"') and etag.endswith('"') and len(etag) > 2
        assert "s-maxage=" in first.headers["Cache-Control"]
        assert first.headers["Content-Type"] == "application/json"
        assert first.headers["Last-Modified"].endswith("GMT")
        again = client.get(server.url, headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["ETag"] == etag
        assert (
            client.get(server.url, headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
        )
        assert client.get(server.url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_advances_with_the_clock_at_speed(clock: MonotonicClock, client: httpx.Client) -> None:
    documents = night()
    with FeedServer(documents, speed=60, clock=clock) as server:
        etag = client.get(server.url).headers["ETag"]
        clock.now += 0.9  # 54 s of the night: still the first document
        assert client.get(server.url, headers={"If-None-Match": etag}).status_code == 304
        clock.now += 0.2  # 66 s: the second, published a minute later
        second = client.get(server.url, headers={"If-None-Match": etag})
        assert second.status_code == 200
        assert second.content == documents[1]
        assert second.headers["ETag"] != etag
        assert status(client, server) == {
            "position": 1,
            "count": 4,
            "sequence": 11,
            "finished": False,
            "speed": 60,
            "manual": False,
            "loop": False,
            "lap": 0,
        }
        clock.now += 3600
        assert client.get(server.url).content == documents[3]
        assert status(client, server)["finished"] is True


def test_manual_mode_moves_only_on_next_and_goto(
    clock: MonotonicClock, client: httpx.Client
) -> None:
    documents = night()
    with FeedServer(documents, manual=True, clock=clock) as server:
        clock.now += 10_000
        assert client.get(server.url).content == documents[0]
        moved = post(client, server, "/next")
        assert moved.status_code == 200
        assert moved.json()["position"] == 1
        assert client.get(server.url).content == documents[1]
        assert post(client, server, "/goto?n=3").json()["sequence"] == 13
        assert client.get(server.url).content == documents[3]
        assert post(client, server, "/next").json()["position"] == 3  # stays at the end
        assert status(client, server)["finished"] is True
        assert post(client, server, "/goto?n=0").json()["position"] == 0  # back: an older copy
        assert post(client, server, "/goto?n=4").status_code == 400
        assert post(client, server, "/goto?n=x").status_code == 400
        assert post(client, server, "/goto").status_code == 400
        assert post(client, server, "/elsewhere").status_code == 404
        assert client.get(server.url.replace("/feed.json", "/nothing")).status_code == 404


def test_start_and_goto_in_timed_mode(clock: MonotonicClock, client: httpx.Client) -> None:
    documents = night()
    with FeedServer(documents, speed=60, start=2, clock=clock) as server:
        assert client.get(server.url).content == documents[2]
        post(client, server, "/goto?n=0")
        assert client.get(server.url).content == documents[0]
        clock.now += 1.1  # time runs on from the jump
        assert client.get(server.url).content == documents[1]


def test_loop_restarts_with_growing_sequences(clock: MonotonicClock, client: httpx.Client) -> None:
    documents = night()
    with FeedServer(documents, speed=60, loop=True, clock=clock) as server:
        clock.now += 3.0 + LOOP_HOLD / 2  # the last document, held
        assert client.get(server.url).content == documents[3]
        assert status(client, server)["finished"] is False
        clock.now += LOOP_HOLD / 2 + 0.1  # past the hold: the first document again, a lap on
        body = client.get(server.url).content
        feed = parse_feed(body)
        assert feed.sequence == 10 + 14  # lap × (highest sequence + 1)
        assert feed.sequence > 13
        assert json.loads(body)["contests"] == json.loads(documents[0])["contests"]
        assert status(client, server)["lap"] == 1


def test_manual_loop_next_at_the_end(clock: MonotonicClock, client: httpx.Client) -> None:
    with FeedServer(night(2), manual=True, loop=True, clock=clock) as server:
        post(client, server, "/next")
        answer = post(client, server, "/next").json()
        assert (answer["position"], answer["lap"], answer["sequence"]) == (0, 1, 22)


def test_requests_are_not_logged_unless_verbose(
    clock: MonotonicClock, client: httpx.Client, capfd: pytest.CaptureFixture[str]
) -> None:
    with FeedServer(night(), clock=clock) as server:
        client.get(server.url)
    assert capfd.readouterr().err == ""
    with FeedServer(night(), clock=clock, verbose=True) as server:
        client.get(server.url)
    assert "GET /feed.json" in capfd.readouterr().err


def test_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError, match="no documents"):
        FeedServer([])
    with pytest.raises(ValueError, match="start"):
        FeedServer(night(), start=4)
    with pytest.raises(ValueError, match="speed"):
        FeedServer(night(), speed=0)


def test_stop_releases_the_port(clock: MonotonicClock) -> None:
    server = FeedServer(night(), clock=clock).start()
    url = server.url
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=5)


def test_serve_feed_command_runs_until_ctrl_c(tmp_path: Path) -> None:
    recording = tmp_path / "night.jsonl"
    recording.write_bytes(b"\n".join(night()) + b"\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "board", "serve-feed", str(recording), "--port", "0", "--manual"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout or []), daemon=True)
    reader.start()
    try:
        wait_for(lambda: any("http://" in line for line in lines), "the URL to be printed")
        url = next(word for word in lines[0].split() if word.startswith("http://"))
        assert httpx.get(url, timeout=10).content == night()[0]
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=10)
    assert code == 0
    assert "Traceback" not in (process.stderr.read() if process.stderr else "")
