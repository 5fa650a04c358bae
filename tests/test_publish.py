"""Tests the publishing server of `serve-feed` and `relay` as a real server on 127.0.0.1.

Headers a shared cache relies on (Cache-Control, a strong ETag, a Last-Modified
that survives a restart), `/status` never cached, and a listen backlog that
takes a gallery of boards connecting at once.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
from collections.abc import Iterator
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

import httpx
import pytest

from feeds.httpserve import BACKLOG, PublishingServer
from feeds.publish import CachePolicy, Published, Publisher, http_date, strong_etag
from feeds.server import FeedServer
from sample_feeds.factory import encode, small_document
from tests.waiting import wait_for

BASE_TIME = datetime(2016, 5, 6, 1, 0, tzinfo=UTC)


def feed_bytes(sequence: int) -> bytes:
    return encode(small_document(sequence))


class Holder(Publisher):
    """A publisher holding whatever the test puts in it."""

    def __init__(self) -> None:
        self.published: Published | None = None

    def current(self) -> Published | None:
        return self.published

    def status(self) -> dict[str, Any]:
        return {"held": self.published is not None}

    def retry_after(self) -> int:
        return 7


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as client:
        yield client


def test_feed_headers_let_a_shared_cache_serve_and_revalidate(client: httpx.Client) -> None:
    policy = CachePolicy(s_maxage=3, stale_while_revalidate=20, stale_if_error=40)
    with FeedServer([feed_bytes(1)], manual=True, cache=policy) as server:
        answer = client.get(server.url)
    control = answer.headers["Cache-Control"]
    assert control == "public, max-age=0, s-maxage=3, stale-while-revalidate=20, stale-if-error=40"
    assert "no-cache" not in control and "private" not in control  # nginx would store nothing
    etag = answer.headers["ETag"]
    assert etag == strong_etag(answer.content) and not etag.startswith("W/")


def test_last_modified_is_the_documents_own_time_and_survives_a_restart(
    client: httpx.Client,
) -> None:
    dates = []
    for _ in range(2):  # two servers one after the other: a restart
        with FeedServer([feed_bytes(7)], manual=True) as server:
            answer = client.get(server.url)
            dates.append((answer.headers["Last-Modified"], answer.headers["ETag"]))
    expected = http_date(datetime.fromisoformat(json.loads(feed_bytes(7))["published_at"]))
    assert dates[0] == dates[1] == (expected, dates[0][1])
    assert expected == "Fri, 06 May 2016 09:00:00 GMT"  # 10:00 BST


def test_last_modified_is_never_in_the_future() -> None:
    now = datetime(2026, 5, 7, 1, 0, tzinfo=UTC)
    later = datetime(2030, 1, 1, tzinfo=UTC)
    assert Published.of(b"{}", later, now).last_modified == http_date(now)
    assert Published.of(b"{}", BASE_TIME, now).last_modified == http_date(BASE_TIME)
    assert Published.of(b"{}", None, now).last_modified == http_date(now)


def test_status_and_errors_are_never_stored(client: httpx.Client) -> None:
    holder = Holder()
    with PublishingServer(holder) as server:
        base = server.url.removesuffix("/feed.json")
        waiting = client.get(server.url)
        assert waiting.status_code == HTTPStatus.SERVICE_UNAVAILABLE
        assert waiting.headers["Retry-After"] == "7"
        assert waiting.headers["Cache-Control"] == "no-store"
        status = client.get(f"{base}/status")
        assert status.json() == {"held": False}
        assert status.headers["Cache-Control"] == "no-store"
        assert client.get(f"{base}/other").headers["Cache-Control"] == "no-store"
        assert client.post(f"{base}/status").status_code == HTTPStatus.NOT_FOUND
        holder.published = Published.of(b'{"a":1}', BASE_TIME, datetime.now(UTC))
        assert client.get(server.url).content == b'{"a":1}'
        assert client.get(f"{base}/status").json() == {"held": True}


def test_if_modified_since_alone_never_gives_304(client: httpx.Client) -> None:
    """Two documents can share a published second: only the ETag decides."""
    with FeedServer([feed_bytes(1)], manual=True) as server:
        first = client.get(server.url)
        again = client.get(
            server.url, headers={"If-Modified-Since": first.headers["Last-Modified"]}
        )
    assert again.status_code == HTTPStatus.OK


def test_policy_refuses_negative_seconds() -> None:
    with pytest.raises(ValueError, match="s-maxage"):
        CachePolicy(s_maxage=-1)


def _connect_all(port: int, count: int) -> int:
    """Open `count` connections at once to a server that accepts none; how many got through."""
    sockets = []
    connected = 0
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.settimeout(0.3)
            sockets.append(sock)
            try:
                sock.connect(("127.0.0.1", port))
            except OSError:
                break  # the queue is full: the rest would wait too
            connected += 1
    finally:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()
    return connected


def test_the_backlog_takes_a_gallery_connecting_at_once() -> None:
    """Nothing accepts before `start()`: the kernel's queue alone must hold 200 boards.

    With the standard library's backlog of 5 about six connections get through
    and the rest wait for a SYN retry (a board saw "server silent for 5 s").
    """
    server = PublishingServer(Holder())
    try:
        assert server.backlog == BACKLOG >= 1000
        assert _connect_all(server.port, 200) == 200
    finally:
        server.stop()


def test_a_client_that_leaves_mid_answer_prints_no_traceback(
    capfd: pytest.CaptureFixture[str],
) -> None:
    big = encode(small_document(1, declarations=20_000))  # megabytes: the answer outlasts us
    with FeedServer([big], manual=True) as server:
        with socket.create_connection(("127.0.0.1", server.port)) as sock:
            sock.sendall(b"GET /feed.json HTTP/1.1\r\nHost: test\r\n\r\n")
            sock.recv(100)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        wait_for(lambda: not server.http._httpd._open, "the server to drop the connection")
    assert "Traceback" not in capfd.readouterr().err
