"""Provides `SocksProxy`: a small real SOCKS5 proxy on 127.0.0.1 (no authentication, CONNECT only).

It relays each connection to the address the client asks for and records
that address, so a test can see a request really went through the proxy.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading

__all__ = ["SocksProxy"]


class SocksProxy:
    """A SOCKS5 proxy serving until closed; `connects` lists each (host, port) asked for."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        """The port it listens on."""
        self.connects: list[tuple[str, int]] = []
        """Every destination a client asked to be connected to."""
        self._threads: list[threading.Thread] = []
        self._open: list[socket.socket] = []
        self._spawn(self._accept)

    @property
    def url(self) -> str:
        """The proxy as ALL_PROXY wants it."""
        return f"socks5://127.0.0.1:{self.port}"

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        thread.start()
        self._threads.append(thread)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._open.append(client)
            self._spawn(self._serve, client)

    def _serve(self, client: socket.socket) -> None:
        with contextlib.suppress(OSError, struct.error):
            _, methods = client.recv(2)
            client.recv(methods)
            client.sendall(b"\x05\x00")  # version 5, no authentication
            _, command, _, kind = client.recv(4)
            if kind == 1:
                host = socket.inet_ntoa(client.recv(4))
            elif kind == 3:
                host = client.recv(client.recv(1)[0]).decode()
            else:
                host = socket.inet_ntop(socket.AF_INET6, client.recv(16))
            (port,) = struct.unpack("!H", client.recv(2))
            self.connects.append((host, port))
            upstream = socket.create_connection((host, port), timeout=5)
            self._open.append(upstream)
            client.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + b"\x00\x00")
            self._spawn(_pipe, upstream, client)
            _pipe(client, upstream)

    def close(self) -> None:
        """Stop listening and cut every relayed connection."""
        for sock in [self._listener, *self._open]:
            with contextlib.suppress(OSError):
                sock.close()
        for thread in self._threads:
            thread.join(timeout=2)

    def __enter__(self) -> SocksProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)
