"""Provides `Tape`: where the ticker's items stand, end to end, as the clock scrolls them.

No Textual here: the tape is arithmetic on cells. `Ticker` (widgets/ticker.py) draws
the window of it the scroll offset points at; pausing, resuming and late timers are
handled by the offset's rules below, so the text never drifts or goes back.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from rich.cells import cell_len

from widgets._ticker_items import Playlist, TickerItem

__all__ = ["SEPARATOR", "Piece", "Tape"]

SEPARATOR = "  ◆  "
"""Drawn after every item on the tape."""


@dataclass(frozen=True)
class Piece:
    """An item placed on the tape, `start` and `end` in scroll-offset cells."""

    item: TickerItem
    start: int
    end: int


class Tape:
    """Items of a `Playlist` laid end to end, each followed by `SEPARATOR`.

    The offset is `base_offset` + the cells scrolled since `origin` (elapsed seconds ×
    `cells_per_second`, in whole frames of `cells_per_frame`); `origin` is None while paused.
    """

    def __init__(
        self, playlist: Playlist, cells_per_second: float, cells_per_frame: int, now: float
    ) -> None:
        self.playlist = playlist
        self.cells_per_second = cells_per_second
        self.cells_per_frame = cells_per_frame
        self.pieces: deque[Piece] = deque()
        """The items covering the window, leftmost first."""
        self.offset = 0
        """Cells scrolled so far: the tape's cell at the window's left edge."""
        self._base_offset = 0
        self._origin: float | None = now

    def hold(self, paused: bool, now: float) -> None:
        """Stand still on what is shown (paused), or resume scrolling from there at `now`."""
        self._base_offset = self.offset
        self._origin = None if paused else now

    def offset_at(self, now: float) -> int:
        """Cells scrolled by `now`; never goes back, even if the clock does."""
        if self._origin is None:
            return self._base_offset
        frames = (now - self._origin) * self.cells_per_second / self.cells_per_frame
        cells = math.floor(frames + 0.25) * self.cells_per_frame  # a timer may fire early
        return max(self.offset, self._base_offset + cells)

    def fill(self, offset: int, width: int) -> bool:
        """Drop pieces scrolled off the left, add pieces to cover the window; True if changed."""
        if width <= 0 or not self.playlist:
            return False
        tape = self.pieces
        changed = False
        if tape and tape[-1].end <= offset:  # the clock jumped past the whole tape
            tape.clear()
            start = offset
        elif tape:
            start = tape[-1].end
            while tape[0].end <= offset:
                tape.popleft()
                changed = True
        else:
            start = offset + width  # the first item enters from the right edge
        while not tape or start < offset + width:
            item = self.playlist.next()
            end = start + item.content.cell_length + cell_len(SEPARATOR)
            tape.append(Piece(item, start, end))
            start, changed = end, True
        return changed
