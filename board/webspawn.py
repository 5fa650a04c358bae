"""Provides the viewer spawner of `serve-web`: boards forked from one warm process (a zygote).

Starting a board costs about 0.9 s of CPU, more than half of it importing
Textual, pydantic and httpx; when 50 viewers connect at once on two cores that
is ~20 s before the last one sees a frame. The zygote imports all that once;
each viewer's board is then a `fork()` of it that only builds and draws the
app, and shares the zygote's memory until it writes to it.

serve-web starts `python -m board.webspawn SOCKET` with the viewers'
environment (Textual reads its settings at import) and keeps its standard
input: at end of input the zygote ends its boards and leaves. For a viewer,
serve-web makes three pipes, sends the board's ends and the board's arguments
over the Unix socket (`SCM_RIGHTS`), and gets back the board's process id and,
later, its exit status. The board runs in a session of its own, so serve-web
signals its process group directly. `spawn()` is serve-web's side.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import json
import os
import selectors
import signal
import socket
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["ForkedBoard", "spawn", "zygote"]

_MESSAGE = 65536


def zygote(path: str) -> None:
    """Serve fork requests on the Unix socket `path` until standard input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # serve-web decides when viewers end
    import textual.drivers.web_driver  # noqa: F401

    import board.app
    import board.cli
    import feeds.sources.http  # noqa: F401

    gc.collect()
    gc.freeze()  # keep the imported objects out of the children's collections: pages stay shared
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(128)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    children: dict[int, socket.socket] = {}
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(wake_read, selectors.EVENT_READ, "child")
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "parent")
    print("ready", flush=True)
    while True:
        for key, _ in selector.select():
            if key.data == "parent" and not os.read(sys.stdin.fileno(), 4096):
                for pid in children:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(pid, signal.SIGTERM)
                return
            if key.data == "child":
                with contextlib.suppress(BlockingIOError):
                    os.read(wake_read, 4096)
                _reap(children)
            if key.data == "accept":
                connection, _ = listener.accept()
                forked = _fork(connection, listener, board.cli.main)
                if forked is not None:
                    children[forked] = connection
                    _send(connection, {"pid": forked})


def _fork(connection: socket.socket, listener: socket.socket, main: Any) -> int | None:
    """Fork one board for the request on `connection`; its pid (None if the request was bad)."""
    try:
        data, fds, _, _ = socket.recv_fds(connection, _MESSAGE, 3)
        request = json.loads(data)
    except (OSError, ValueError):
        connection.close()
        return None
    if len(fds) != 3:
        for fd in fds:
            os.close(fd)
        connection.close()
        return None
    pid = os.fork()
    if pid:
        for fd in fds:
            os.close(fd)
        return pid
    code = 70
    try:  # the board
        os.setsid()
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGINT, signal.SIGCHLD):
            signal.signal(signum, signal.SIG_DFL)
        listener.close()
        connection.close()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        # Nothing of the zygote's stays open in the board: other boards' sockets, the selector.
        # (Their Python objects live on the zygote's stack until os._exit: never finalised.)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))
        gc.unfreeze()
        os.environ.update(request["environment"])
        code = main(request["argv"])
    finally:
        os._exit(code)


def _reap(children: dict[int, socket.socket]) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        connection = children.pop(pid, None)
        if connection is not None:
            with contextlib.suppress(OSError):
                _send(connection, {"exit": os.waitstatus_to_exitcode(status)})
            connection.close()


def _send(connection: socket.socket, message: dict[str, Any]) -> None:
    connection.sendall(json.dumps(message).encode() + b"\n")


class ForkedBoard:
    """A board forked by the zygote, with what textual-serve uses of an asyncio `Process`."""

    def __init__(
        self,
        pid: int,
        stdin: asyncio.StreamWriter,
        stdout: asyncio.StreamReader,
        stderr: asyncio.StreamReader,
        answers: asyncio.StreamReader,
        closing: asyncio.StreamWriter,
    ) -> None:
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.returncode: int | None = None
        self._answers = answers
        self._closing = closing
        self._exit: asyncio.Task[int] | None = None

    async def wait(self) -> int:
        """Wait for the board to exit; its exit code (negative: the signal that ended it).

        Several callers may wait at once (a closing tab and a stopping server): they share
        one read of the zygote's answer.
        """
        if self._exit is None:
            self._exit = asyncio.create_task(self._read_exit())
        return await asyncio.shield(self._exit)

    async def _read_exit(self) -> int:
        line = await self._answers.readline()
        try:
            self.returncode = int(json.loads(line)["exit"])
        except (ValueError, KeyError, TypeError):
            # The zygote is gone without a word: the board may live on, no longer its child.
            while _alive(self.pid):
                await asyncio.sleep(0.2)
            self.returncode = -signal.SIGKILL  # its status went with the zygote
        self._closing.close()
        return self.returncode


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


async def spawn(path: str, argv: Sequence[str], environment: dict[str, str]) -> ForkedBoard:
    """Ask the zygote at `path` for a board running `board.cli.main(argv)`.

    Raises:
        OSError: the zygote cannot be reached.
    """
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.setblocking(False)
    pipes = [os.pipe() for _ in range(3)]  # the board's stdin, stdout, stderr
    theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
    try:
        await loop.sock_connect(sock, path)
        message = json.dumps({"argv": list(argv), "environment": environment}).encode()
        socket.send_fds(sock, [message], theirs)  # small, into an empty buffer: sent at once
    except OSError:
        sock.close()
        for fd in (pipes[0][1], pipes[1][0], pipes[2][0]):
            os.close(fd)
        raise
    finally:
        for fd in theirs:
            os.close(fd)
    answers, closing = await asyncio.open_unix_connection(sock=sock)
    stdout, stderr = asyncio.StreamReader(), asyncio.StreamReader()
    for reader, fd in ((stdout, pipes[1][0]), (stderr, pipes[2][0])):
        pipe = os.fdopen(fd, "rb", buffering=0)
        await loop.connect_read_pipe(functools.partial(asyncio.StreamReaderProtocol, reader), pipe)
    transport, flow = await loop.connect_write_pipe(
        asyncio.streams.FlowControlMixin, os.fdopen(pipes[0][1], "wb", buffering=0)
    )
    stdin = asyncio.StreamWriter(transport, flow, None, loop)
    line = await answers.readline()
    try:
        pid = int(json.loads(line)["pid"])
    except (ValueError, KeyError, TypeError):
        raise OSError("the zygote did not start a board") from None
    return ForkedBoard(pid, stdin, stdout, stderr, answers, closing)


if __name__ == "__main__":
    zygote(sys.argv[1])
