"""Provides `PtyProgram`: a program on a pseudo-terminal, its output kept, timed and emulated.

The one pseudo-terminal harness of the end-to-end tests and the benchmarks.
The child gets a pty of a fixed size (`TERM=xterm-256color`, truecolor, no
`NO_COLOR`, `TEXTUAL_ANIMATIONS`, `COLUMNS` or `LINES` from the caller), in
its own session. A reader thread drains the pty, optionally no faster than a
slow link (`throttle`), into a `TerminalOutput` (`bench/terminal_output.py`):
every chunk with its arrival time, the `pyte` screen it drew, and *watches*
timed at the chunk that first drew their needle. Tests wait for a whole frame
with `wait_for_text` (bounded, polling); CPU and memory come from the child's
own accounting (`psutil`, children included: that is where `watch`'s cost is).

It lives in `bench/` because the benchmarks must not import `tests/`; the
tests import it from here.
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
from dataclasses import dataclass
from pathlib import Path

import psutil  # type: ignore[import-untyped, unused-ignore]
from pyte.screens import Char

from bench.terminal_output import TerminalOutput, Watch

__all__ = ["ROOT", "SETTLE", "CpuSample", "PtyProgram", "Watch", "board_command"]

ROOT = Path(__file__).resolve().parent.parent
"""The repository: every program starts here unless told otherwise."""

SETTLE = 0.04
"""Seconds without output after which the emulated screen holds a whole frame."""


def board_command() -> list[str]:
    """The installed `results-board` beside this Python if there is one, else `python -m board`."""
    script = Path(sys.executable).with_name("results-board")
    return [str(script)] if script.exists() else [sys.executable, "-m", "board"]


@dataclass(frozen=True)
class CpuSample:
    """CPU seconds (user + system, children included) of a process at a moment."""

    at: float
    seconds: float

    def percent_since(self, earlier: CpuSample) -> float:
        """% of one core used between `earlier` and this sample."""
        wall = self.at - earlier.at
        return 100 * (self.seconds - earlier.seconds) / wall if wall > 0 else float("nan")


def _take_controlling_terminal() -> None:
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


class PtyProgram:
    """`args` on a pseudo-terminal of `size` (columns, rows), read from a thread.

    `throttle` (bytes per second) reads no faster than that, like a slow link:
    the program's writes block once the pty buffer is full. `emulate=False`
    skips the screen (counting bytes only). `stdin_devnull` gives the child
    no keyboard (standard input at end-of-file).
    """

    def __init__(
        self,
        args: Sequence[str],
        *,
        size: tuple[int, int] = (120, 40),
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        stdin_devnull: bool = False,
        throttle: float | None = None,
        emulate: bool = True,
        controlling: bool = False,
    ) -> None:
        self.args = list(args)
        self.width, self.height = size
        self.throttle = throttle
        self.output = TerminalOutput(self.width, self.height, emulate=emulate)
        """Everything the program wrote, timed, and the screen it drew."""
        self._closed_master = False
        master, slave = pty.openpty()
        self._set_size(slave)
        full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        for name in ("NO_COLOR", "TEXTUAL_ANIMATIONS", "COLUMNS", "LINES"):
            full_env.pop(name, None)
        full_env.update(env or {})
        self.started = time.monotonic()
        """When the process was started (monotonic seconds)."""
        self.process = subprocess.Popen(
            self.args,
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
        self.ps = psutil.Process(self.process.pid)
        self._last_cpu: CpuSample | None = None
        """The child, for CPU and memory accounting."""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _set_size(self, fd: int) -> None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.height, self.width, 0, 0))

    # -- reading -----------------------------------------------------------------------------

    def _read(self) -> None:
        chunk = 65536 if self.throttle is None else max(256, int(self.throttle / 32))
        while True:
            try:
                data = os.read(self.master, chunk)
            except OSError:
                return
            if not data:
                return
            self.output.feed(data, time.monotonic())
            if self.throttle is not None:
                time.sleep(len(data) / self.throttle)

    # -- bytes (by time window: `output`) ----------------------------------------------------

    @property
    def raw(self) -> bytes:
        """Every byte the program wrote so far."""
        return self.output.raw

    def total(self) -> int:
        """Bytes written so far."""
        return self.output.total()

    def wait_quiet(self, quiet: float, timeout: float, *, since: float | None = None) -> None:
        """Wait until no byte has arrived for `quiet` seconds (at most `timeout`).

        With `since` (monotonic), a byte must first arrive after it: the answer
        to a key sent then, not the quiet before it.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.output.last_byte_at(self.started)
            if (since is None or last > since) and time.monotonic() - last >= quiet:
                return
            time.sleep(min(0.05, quiet / 4))

    # -- the screen --------------------------------------------------------------------------

    def text(self) -> str:
        """The screen as lines of text."""
        return self.output.text()

    def settled_text(self) -> str | None:
        """The screen once no output has come for `SETTLE` seconds, else None.

        A frame reaches the pty in several reads and pyte ignores synchronized output, so a
        screen read mid-frame mixes two frames; a quiet moment means the frame is whole.
        """
        return self.output.text_if_quiet(SETTLE, time.monotonic(), self.started)

    def cell_in(self, words: str, *, offset: int = 0, first_row: int = 0) -> Char | None:
        """The cell `offset` columns into the first place `words` shows on screen (its colours:
        `fg`, `bg`, `reverse`), at or below `first_row`; None when it does not show."""
        return self.output.cell_in(words, offset=offset, first_row=first_row)

    def wait_for_text(self, needle: str | Callable[[str], bool], timeout: float = 20.0) -> str:
        """Wait until a whole frame shows `needle` (or the predicate holds); return that screen.

        Raises `AssertionError` naming what was awaited, with the screen, after
        `timeout` seconds or when the program exits first.
        """
        check = needle if callable(needle) else (lambda text: needle in text)
        deadline = time.monotonic() + timeout
        while True:
            text = self.settled_text()
            if text is not None and check(text):
                return text
            if not self.alive:
                self._reader.join(timeout=1)  # what it wrote before exiting
                if check(text := self.text()):
                    return text
                raise AssertionError(
                    f"process exited ({self.process.poll()}) before showing {needle!r}:\n{text}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out after {timeout:g} s waiting for screen to show {needle!r}:\n"
                    f"{self.text()}"
                )
            time.sleep(0.02)

    def watch(self, needle: str, since: float | None = None) -> Watch:
        """Start looking for `needle` on screen; the returned watch records when it shows."""
        return self.output.watch(needle, since if since is not None else time.monotonic())

    def shown_at(self, needle: str, timeout: float) -> float | None:
        """When `needle` first showed (monotonic), waiting up to `timeout`; None if it did not."""
        watch = self.watch(needle)
        deadline = time.monotonic() + timeout
        while not watch.event.wait(0.05):
            if time.monotonic() > deadline or not self.alive:
                break
        self.output.unwatch(watch)
        return watch.seen_at

    # -- accounting --------------------------------------------------------------------------

    def cpu(self) -> CpuSample:
        """The child's CPU seconds so far (user + system, waited-for children included).

        Once the child has ended and been reaped its counters are gone: the last reading
        taken while it ran is returned then. Raises `ProcessLookupError` if there is none.
        """
        try:
            times = self.ps.cpu_times()
        except psutil.NoSuchProcess:
            if self._last_cpu is None:
                raise ProcessLookupError("the child ended before its CPU was read") from None
            return self._last_cpu
        used = times.user + times.system + times.children_user + times.children_system
        self._last_cpu = CpuSample(time.monotonic(), used)
        return self._last_cpu

    def rss(self) -> int:
        """The child's resident memory, in bytes."""
        return int(self.ps.memory_info().rss)

    # -- driving -----------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        """Whether the child is still running."""
        return self.process.poll() is None

    def send(self, data: str | bytes) -> None:
        """Type `data` into the terminal."""
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal and tell the child (SIGWINCH)."""
        self.width, self.height = width, height
        self.output.resize(width, height)
        self._set_size(self.master)
        self.process.send_signal(signal.SIGWINCH)

    def signal(self, signum: int) -> None:
        """Send `signum` to the child."""
        self.process.send_signal(signum)

    def hang_up(self) -> None:
        """Close the terminal's master side, as sshd does when the link drops."""
        if not self._closed_master:
            self._closed_master = True
            os.close(self.master)

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Wait for the child to exit; return its exit code (negative: killed by a signal)."""
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        """Stop the child (SIGTERM, then SIGKILL to its whole session) and release the pty."""
        if self.alive:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # what it started (`watch`'s children)
        with contextlib.suppress(OSError):
            self.hang_up()
        self._reader.join(timeout=2)

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
