"""Tests of the test server itself: the script, the fallback, byte-level faults and prompt stops."""

from __future__ import annotations

import http.client
import socket
import threading
import zlib

import pytest

from tests.faultserver import FaultServer, Step
from tests.waiting import wait_for

REQUEST = b"GET /feed.json HTTP/1.1\r\nHost: x\r\n\r\n"


def get(server: FaultServer, path: str = "/feed.json") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", path)
    return connection.getresponse()


def raw_exchange(server: FaultServer) -> bytes:
    """Send one request on a raw socket and read until the server closes."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(REQUEST)
        received = b""
        while data := sock.recv(65536):
            received += data
        return received


def test_script_then_last_good_step(server: FaultServer) -> None:
    server.script([Step.ok(b"one"), Step.status(500), Step.ok(b"two"), Step.status(503)])
    answers = [get(server) for _ in range(6)]
    assert [a.status for a in answers] == [200, 500, 200, 503, 200, 200]
    assert answers[-1].read() == b"two"
    assert server.remaining == 0
    assert [r.step for r in server.requests][-2:] == ["ok(3 bytes)", "ok(3 bytes)"]


def test_default_overrides_last_good(server: FaultServer) -> None:
    server.script([Step.ok(b"one")])
    server.default = Step.status(418)
    assert get(server).status == 200
    assert get(server).status == 418


def test_nothing_scripted_is_404(server: FaultServer) -> None:
    assert get(server).status == 404


def test_ok_answers_304_to_matching_etag(server: FaultServer) -> None:
    server.script([Step.ok(b"body", etag='"e"')])
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", "/feed.json", headers={"If-None-Match": '"e"'})
    assert connection.getresponse().status == 304


def test_truncated_declares_more_than_it_sends(server: FaultServer) -> None:
    server.script([Step.truncated(b"0123456789", 4)])
    head, _, body = raw_exchange(server).partition(b"\r\n\r\n")
    assert b"Content-Length: 10" in head and body == b"0123"


def test_wire_sends_bytes_verbatim(server: FaultServer) -> None:
    server.script([Step.wire(b"NOT HTTP AT ALL")])
    assert raw_exchange(server) == b"NOT HTTP AT ALL"


def test_gzip_bomb_inflates_to_its_size(server: FaultServer) -> None:
    server.script([Step.gzip_bomb(3_000_000)])
    answer = get(server)
    wire = answer.read()  # http.client undoes the chunking, not the gzip
    assert answer.getheader("Content-Encoding") == "gzip"
    assert len(wire) < 10_000
    assert zlib.decompress(wire, wbits=31) == bytes(3_000_000)


def test_redirect_loop_takes_one_step(server: FaultServer) -> None:
    server.script([Step.redirect_loop(), Step.ok(b"after")])
    first = get(server)
    assert first.status == 302
    location = first.getheader("Location") or ""
    assert get(server, location).status == 302
    assert get(server).read() == b"after"


def test_stop_ends_hanging_and_trickling_connections(server: FaultServer) -> None:
    server.script([Step.hang(), Step.trickle(0.05)])
    clients = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(2)]
    for count, client in enumerate(clients, start=1):
        client.sendall(REQUEST)
        wait_for(lambda n=count: len(server.requests) == n, "the request")
    server.stop()
    assert not [t for t in threading.enumerate() if t.name == "faultserver"]
    for client in clients:
        while client.recv(65536):  # the server closed: reads end instead of blocking
            pass
        client.close()


def test_restart_keeps_the_port(server: FaultServer) -> None:
    port = server.port
    server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)
    server.start()
    server.script([Step.ok(b"back")])
    assert server.port == port and get(server).read() == b"back"
