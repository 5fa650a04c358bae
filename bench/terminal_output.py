"""Provides `TerminalOutput`: what a program wrote to its terminal, chunk by chunk, timed.

Every chunk is kept with its arrival time (monotonic seconds) and a running total, so
byte counts over any window and the raw bytes (was an escape sequence written?) come
afterwards. Each chunk is fed to a `pyte` screen (what a producer would see) and checked
against *watches* (a needle and the time of the chunk that first drew it), so latency is
measured at that chunk, not when someone next looked. Thread-safe: `PtyProgram`'s reader
thread feeds it while the test or benchmark reads.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field

import pyte
from pyte.screens import Char

__all__ = ["TerminalOutput", "Watch"]


@dataclass
class Watch:
    """A needle looked for on screen; `seen_at` is when the chunk that drew it arrived."""

    needle: str
    since: float
    seen_at: float | None = None
    event: threading.Event = field(default_factory=threading.Event)


class TerminalOutput:
    """The chunks a program wrote, their arrival times, and the `width` × `height` screen they
    drew (`emulate=False`: bytes only, no screen, no watches)."""

    def __init__(self, width: int, height: int, *, emulate: bool = True) -> None:
        self.emulate = emulate
        self.screen = pyte.Screen(width, height)
        """The emulated screen (read it under `lock`)."""
        self.lock = threading.Lock()
        """Held while a chunk is fed; take it to read `screen` whole."""
        self._stream = pyte.ByteStream(self.screen)
        self._times: list[float] = []  # arrival of each chunk
        self._totals: list[int] = []  # cumulative bytes after each chunk
        self._chunks: list[bytes] = []
        self._watches: list[Watch] = []

    def feed(self, data: bytes, now: float) -> None:
        """Keep `data`, arrived at `now`; draw it and mark the watches it satisfies."""
        with self.lock:
            self._times.append(now)
            self._totals.append((self._totals[-1] if self._totals else 0) + len(data))
            self._chunks.append(data)
            if self.emulate:
                self._stream.feed(data)
                self._check_watches(now)

    def _check_watches(self, now: float) -> None:
        pending = [w for w in self._watches if w.seen_at is None]
        if not pending:
            return
        text = "\n".join(self.screen.display)
        for watch in pending:
            if watch.needle in text:
                watch.seen_at = now
                watch.event.set()

    # -- bytes -------------------------------------------------------------------------------

    @property
    def raw(self) -> bytes:
        """Every byte written so far."""
        with self.lock:
            return b"".join(self._chunks)

    def total(self) -> int:
        """Bytes written so far."""
        with self.lock:
            return self._totals[-1] if self._totals else 0

    def _window(self, start: float, end: float) -> tuple[int, int]:
        return bisect.bisect_right(self._times, start), bisect.bisect_right(self._times, end)

    def bytes_between(self, start: float, end: float) -> int:
        """Bytes that arrived in the monotonic window (start, end]."""
        with self.lock:
            i, j = self._window(start, end)
            return (self._totals[j - 1] if j else 0) - (self._totals[i - 1] if i else 0)

    def output_between(self, start: float, end: float) -> bytes:
        """The bytes that arrived in the monotonic window (start, end]."""
        with self.lock:
            i, j = self._window(start, end)
            return b"".join(self._chunks[i:j])

    def first_byte_at(self) -> float | None:
        """When the first byte arrived (monotonic), or None."""
        with self.lock:
            return self._times[0] if self._times else None

    def last_byte_at(self, default: float) -> float:
        """When the last byte arrived (monotonic), or `default` before any."""
        with self.lock:
            return self._times[-1] if self._times else default

    # -- the screen --------------------------------------------------------------------------

    def text(self) -> str:
        """The screen as lines of text."""
        with self.lock:
            return self._text()

    def _text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def text_if_quiet(self, quiet: float, now: float, default: float) -> str | None:
        """The screen if no byte has arrived for `quiet` seconds by `now` (`default`: when
        the program started, before any byte), else None: a frame caught mid-way."""
        with self.lock:
            last = self._times[-1] if self._times else default
            return None if now - last < quiet else self._text()

    def cell_in(self, words: str, *, offset: int = 0, first_row: int = 0) -> Char | None:
        """The screen cell `offset` columns into the first place `words` shows, at or below
        `first_row` (a `pyte` `Char`: `data`, `fg`, `bg`, `reverse`, …); None when it does not
        show. Read between two chunks, so never a cell of half a frame."""
        with self.lock:
            for row in range(first_row, self.screen.lines):
                line = self.screen.buffer[row]
                text = "".join(line[x].data for x in range(self.screen.columns))
                column = text.find(words)
                if column >= 0:
                    return line[column + offset]
        return None

    def resize(self, width: int, height: int) -> None:
        """Resize the emulated screen."""
        with self.lock:
            self.screen.resize(height, width)

    def watch(self, needle: str, since: float) -> Watch:
        """Start looking for `needle` on screen; the returned watch records when it shows."""
        watch = Watch(needle, since)
        with self.lock:
            if self.emulate and needle in "\n".join(self.screen.display):
                watch.seen_at = watch.since
                watch.event.set()
            self._watches.append(watch)
        return watch

    def unwatch(self, watch: Watch) -> None:
        """Stop looking for `watch`'s needle."""
        with self.lock:
            self._watches.remove(watch)
