"""Provides what every benchmark shares: a program in a pseudo-terminal, measured from outside.

`PtyProgram` starts a command on a pty of a fixed size and drains its output
from a reader thread, optionally throttled (a slow SSH link). Every chunk is
kept with its arrival time, so byte rates over any window come afterwards; the
output is fed to a `pyte` screen, and a *watch* (a needle and the time it first
appeared on screen) is checked after each chunk, so latency is measured at the
chunk that drew it, not when the harness next looked. CPU and memory come from
the child's own accounting (`psutil`): CPU includes waited-for children, which
is where `watch`'s cost is.

`LoggingFeedServer` is `FeedServer` that notes when each `GET /feed.json`
arrives, to measure polling from the server's side.
"""

from __future__ import annotations

import bisect
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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped, unused-ignore]
import pyte

from feeds.publish import Published
from feeds.server import FeedServer

__all__ = [
    "ROOT",
    "CpuSample",
    "LoggingFeedServer",
    "PtyProgram",
    "board_command",
    "percentile",
]

ROOT = Path(__file__).resolve().parent.parent


def board_command() -> list[str]:
    """The installed `results-board` beside this Python if there is one, else `python -m board`."""
    script = Path(sys.executable).with_name("results-board")
    return [str(script)] if script.exists() else [sys.executable, "-m", "board"]


def percentile(values: Sequence[float], q: float) -> float:
    """The `q`-th percentile (0–100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class CpuSample:
    """CPU seconds (user + system, children included) of a process at a moment."""

    at: float
    seconds: float

    def percent_since(self, earlier: CpuSample) -> float:
        """% of one core used between `earlier` and this sample."""
        wall = self.at - earlier.at
        return 100 * (self.seconds - earlier.seconds) / wall if wall > 0 else float("nan")


@dataclass
class _Watch:
    needle: str
    since: float
    seen_at: float | None = None
    event: threading.Event = field(default_factory=threading.Event)


class PtyProgram:
    """A command on a pseudo-terminal of `size`, its output timed, counted and emulated.

    `throttle` (bytes per second) reads the pty no faster than that, like a
    slow link: the program's writes block once the pty buffer is full.
    """

    def __init__(
        self,
        args: Sequence[str],
        *,
        size: tuple[int, int] = (120, 40),
        env: dict[str, str] | None = None,
        throttle: float | None = None,
        emulate: bool = True,
        keep: bool = False,
    ) -> None:
        self.args = list(args)
        self.width, self.height = size
        self.throttle = throttle
        self.emulate = emulate
        self.screen = pyte.Screen(self.width, self.height)
        self._stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self._times: list[float] = []
        self._totals: list[int] = []  # cumulative bytes after each chunk
        self._watches: list[_Watch] = []
        self.raw: list[tuple[float, bytes]] | None = [] if keep else None
        """With `keep`, every chunk written and when it arrived (for profiling)."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.height, self.width, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        for name in ("NO_COLOR", "TEXTUAL_ANIMATIONS", "COLUMNS", "LINES"):
            full_env.pop(name, None)
        full_env.update(env or {})
        self.started = time.monotonic()
        """When the process was started (monotonic seconds)."""
        self.process = subprocess.Popen(
            self.args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=ROOT,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.ps = psutil.Process(self.process.pid)
        """The child, for CPU and memory accounting."""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

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
            now = time.monotonic()
            with self._lock:
                total = (self._totals[-1] if self._totals else 0) + len(data)
                self._times.append(now)
                self._totals.append(total)
                if self.raw is not None:
                    self.raw.append((now, data))
                if self.emulate:
                    self._stream.feed(data)
                    self._check_watches(now)
            if self.throttle is not None:
                time.sleep(len(data) / self.throttle)

    def _check_watches(self, now: float) -> None:
        pending = [w for w in self._watches if w.seen_at is None]
        if not pending:
            return
        text = "\n".join(self.screen.display)
        for watch in pending:
            if watch.needle in text:
                watch.seen_at = now
                watch.event.set()

    # -- screen and bytes --------------------------------------------------------------------

    def text(self) -> str:
        """The screen as lines of text."""
        with self._lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def total(self) -> int:
        """Bytes written so far."""
        with self._lock:
            return self._totals[-1] if self._totals else 0

    def bytes_between(self, start: float, end: float) -> int:
        """Bytes that arrived in the monotonic window (start, end]."""
        with self._lock:
            i = bisect.bisect_right(self._times, start)
            j = bisect.bisect_right(self._times, end)
            before = self._totals[i - 1] if i else 0
            upto = self._totals[j - 1] if j else 0
        return upto - before

    def first_byte_at(self) -> float | None:
        """When the first byte arrived (monotonic), or None."""
        with self._lock:
            return self._times[0] if self._times else None

    def watch(self, needle: str, since: float | None = None) -> _Watch:
        """Start looking for `needle` on screen; the returned watch records when it shows."""
        watch = _Watch(needle, since if since is not None else time.monotonic())
        with self._lock:
            if self.emulate and needle in "\n".join(self.screen.display):
                watch.seen_at = watch.since
                watch.event.set()
            self._watches.append(watch)
        return watch

    def wait_for(self, needle: str, timeout: float) -> float | None:
        """When `needle` first showed (monotonic), waiting up to `timeout`; None if it did not."""
        watch = self.watch(needle)
        deadline = time.monotonic() + timeout
        while not watch.event.wait(0.05):
            if time.monotonic() > deadline or not self.alive:
                break
        with self._lock:
            self._watches.remove(watch)
        return watch.seen_at

    def wait_quiet(self, quiet: float, timeout: float) -> None:
        """Wait until no byte has arrived for `quiet` seconds (at most `timeout`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                last = self._times[-1] if self._times else self.started
            if time.monotonic() - last >= quiet:
                return
            time.sleep(min(0.05, quiet / 4))

    # -- accounting --------------------------------------------------------------------------

    def cpu(self) -> CpuSample:
        """The child's CPU seconds so far (user + system, waited-for children included)."""
        times = self.ps.cpu_times()
        used = times.user + times.system + times.children_user + times.children_system
        return CpuSample(time.monotonic(), used)

    def rss(self) -> int:
        """The child's resident memory, in bytes."""
        return int(self.ps.memory_info().rss)

    # -- driving -----------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        """Whether the child is still running."""
        return self.process.poll() is None

    def send(self, data: bytes) -> None:
        """Type `data` into the terminal."""
        os.write(self.master, data)

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
            os.killpg(self.process.pid, signal.SIGKILL)  # `watch`'s children
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(timeout=2)

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LoggingFeedServer(FeedServer):
    """A `FeedServer` that notes the arrival time (monotonic) of every `GET /feed.json`."""

    def __init__(self, documents: Sequence[bytes], **options: Any) -> None:
        super().__init__(documents, **options)
        self.requests: list[float] = []
        """Arrival times of the feed requests."""

    def current(self) -> Published:
        """The current document; notes the request first."""
        self.requests.append(time.monotonic())
        return super().current()

    def advance(self) -> float:
        """`POST /next` without HTTP; return when the new document went up (monotonic)."""
        self.next()
        return time.monotonic()
