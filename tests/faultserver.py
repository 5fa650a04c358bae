"""Provides `FaultServer`: an HTTP/1.1 server on 127.0.0.1 that plays a script of (mis)behaviours.

Built on raw sockets and one thread per connection, so a step can misbehave at
the byte level (the steps: `tests/faultsteps.py`, re-exported here). Each request
takes the next `Step` of the script (`server.script([...])`); when it runs out the
server serves `default`, or else the last good step it played. `requests` records
what came in (to assert If-None-Match was sent). `stop()` ends every connection
promptly, hanging and trickling ones included; `start()` again reuses the port, so
"connection refused" can sit between steps.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from tests.faultsteps import LOOP_PREFIX, Connection, Received, Step

__all__ = ["FaultServer", "Received", "Step"]


class FaultServer:
    """A scripted HTTP/1.1 server on 127.0.0.1; a context manager that starts and stops it."""

    def __init__(self, path: str = "/feed.json", port: int = 0) -> None:
        self.path = path
        """The path in `url` (any path is answered alike)."""
        self.port = port
        """The bound port (chosen free at the first `start()`, then kept)."""
        self.default: Step | None = None
        """What to serve once the script runs out; None means the last good step played."""
        self.requests: list[Received] = []
        """Every request received, in order, with the step that answered it."""
        self._lock = threading.Lock()
        self._script: deque[Step] = deque()
        self._last_good: Step | None = None
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None
        self._threads: list[threading.Thread] = []
        self._connections: set[socket.socket] = set()

    @property
    def url(self) -> str:
        """The feed URL, e.g. `http://127.0.0.1:PORT/feed.json`."""
        return f"http://127.0.0.1:{self.port}{self.path}"

    @property
    def remaining(self) -> int:
        """Script steps not yet played."""
        with self._lock:
            return len(self._script)

    def script(self, steps: Iterable[Step]) -> None:
        """Replace the steps still to play with `steps`, played one per request."""
        with self._lock:
            self._script = deque(steps)

    def __enter__(self) -> FaultServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Listen on 127.0.0.1 (the same port as before on a restart) and serve in threads."""
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.05)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._stopping = threading.Event()
        self._acceptor = self._spawn(self._accept_loop, listener, self._stopping)

    def stop(self) -> None:
        """Stop listening and end every connection now, whatever it is doing; wait for threads."""
        listener, self._listener = self._listener, None
        if listener is None:
            return
        self._stopping.set()
        if self._acceptor is not None:  # no connection accepted after this
            self._acceptor.join(timeout=5.0)
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _shut(connection)
        for thread in list(self._threads):
            thread.join(timeout=5.0)
        listener.close()
        self._threads = [t for t in self._threads if t.is_alive()]

    def _spawn(self, target: Callable[..., None], *args: Any) -> threading.Thread:
        thread = threading.Thread(target=target, args=args, daemon=True, name="faultserver")
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    def _accept_loop(self, listener: socket.socket, stopping: threading.Event) -> None:
        while not stopping.is_set():
            try:
                sock, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            sock.settimeout(None)
            with self._lock:
                self._connections.add(sock)
            self._spawn(self._serve, sock, stopping)

    def _serve(self, sock: socket.socket, stopping: threading.Event) -> None:
        connection = Connection(sock, stopping)
        request: Received | None = None
        try:
            while not stopping.is_set():
                request = connection.read_request()
                if request is None:
                    return
                step = self._next_step(request.target)
                request.step = step.name
                connection.received = request
                with self._lock:
                    self.requests.append(request)
                keep_alive = step.play(connection, request)
                request.done = True
                if not keep_alive or request.headers.get("connection") == "close":
                    return
        except OSError:
            return
        finally:
            if request is not None:
                request.done = True
            with self._lock:
                self._connections.discard(sock)
            _shut(sock)
            sock.close()

    def _next_step(self, target: str) -> Step:
        if target.startswith(LOOP_PREFIX):
            return Step.redirect_loop()
        with self._lock:
            if self._script:
                step = self._script.popleft()
                if step.good:
                    self._last_good = step
                return step
            return self.default or self._last_good or Step.status(404, b"nothing scripted")


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
