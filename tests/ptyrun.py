"""Provides `PtyProcess`: the real results-board command in a pseudo-terminal, read as a screen.

The child gets a pty of a fixed size; a reader thread drains its output into
a `pyte` screen (what a producer would see) and keeps every raw byte (so a
test can check that nothing from the feed reached the terminal as an escape
sequence). Waits are bounded and poll the screen.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pyte

from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parent.parent

SETTLE = 0.04
"""Seconds without output after which the emulated screen holds a whole frame."""


def results_board_command() -> list[str]:
    """The installed console script if there is one beside this Python, else `python -m board`."""
    script = Path(sys.executable).with_name("results-board")
    return [str(script)] if script.exists() else [sys.executable, "-m", "board"]


def _take_controlling_terminal() -> None:
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


class PtyProcess:
    """A child process on a pseudo-terminal, its screen emulated with pyte."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        size: tuple[int, int] = (120, 40),
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        stdin_devnull: bool = False,
        controlling: bool = False,
    ) -> None:
        self.width, self.height = size
        self.screen = pyte.Screen(self.width, self.height)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.lock = threading.Lock()
        self.last_data = time.monotonic()
        master, slave = pty.openpty()
        self._set_size(slave)
        full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        self.process = subprocess.Popen(
            list(args),
            stdin=subprocess.DEVNULL if stdin_devnull else slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=cwd or ROOT,
            start_new_session=True,
            close_fds=True,
            # As in a real terminal (tmux, ssh): the pty is the child's controlling terminal,
            # so closing it sends SIGHUP (and SIGCONT) to the child.
            preexec_fn=_take_controlling_terminal if controlling else None,
        )
        os.close(slave)
        self.master = master
        self.started = time.monotonic()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _set_size(self, fd: int) -> None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.height, self.width, 0, 0))

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.raw += data
                self.stream.feed(data)
                self.last_data = time.monotonic()

    # -- reading the screen ----------------------------------------------------------------

    def text(self) -> str:
        """The screen as lines of text."""
        with self.lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def settled_text(self) -> str | None:
        """The screen once no output has come for `SETTLE` seconds, else None.

        A frame reaches the pty in several reads and pyte ignores synchronized output, so a
        screen read mid-frame mixes two frames; a quiet moment means the frame is whole.
        """
        with self.lock:
            if time.monotonic() - self.last_data < SETTLE:
                return None
            return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for_text(self, needle: str | Callable[[str], bool], timeout: float = 20.0) -> str:
        """Wait until a whole frame shows `needle` (or the predicate holds); return that screen."""
        check = needle if callable(needle) else (lambda text: needle in text)
        seen: list[str] = []

        def shown() -> bool:
            text = self.settled_text()
            if text is not None and check(text):
                seen.append(text)
                return True
            return not self.alive

        wait_for(shown, f"screen to show {needle!r}", timeout)
        text = seen[-1] if seen else self.text()
        if not check(text):
            raise AssertionError(
                f"process exited ({self.process.poll()}) before showing {needle!r}:\n{text}"
            )
        return text

    def bytes_written(self) -> int:
        with self.lock:
            return len(self.raw)

    # -- driving -----------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, data: str | bytes) -> None:
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal and tell the child (SIGWINCH)."""
        with self.lock:
            self.width, self.height = width, height
            self.screen.resize(height, width)
        self._set_size(self.master)
        self.process.send_signal(signal.SIGWINCH)

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def hang_up(self) -> None:
        """Close the terminal, as closing a window or `tmux kill-session` does."""
        self._close_master()

    def _close_master(self) -> None:
        master, self.master = self.master, -1  # never close a reused descriptor number twice
        if master >= 0:
            with contextlib.suppress(OSError):
                os.close(master)

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the child to exit; return its exit code (negative: killed by a signal)."""
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        """Stop the child (if still running) and release the pty."""
        if self.alive:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._close_master()
        self._reader.join(timeout=2)

    def __enter__(self) -> PtyProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
