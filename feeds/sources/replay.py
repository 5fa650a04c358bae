"""Provides replay of a recording: `Schedule` (which document is due when) and `ReplaySource`.

A recording replays in the rhythm it was published: the gaps between
documents' `published_at` times, divided by `speed` (and, if asked, each gap
first shortened to `max_gap` seconds so a quiet hour does not stall a
rehearsal). `Schedule` knows nothing of sources, so `serve-feed` uses it too.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from feeds.adapter import RawDocument
from feeds.recording import peek, read_recording
from feeds.source import Backoff, FeedSource

__all__ = ["ReplaySource", "Schedule"]


class Schedule:
    """When each document of a recording is due, in seconds from the start of the replay."""

    def __init__(
        self, documents: Sequence[bytes], speed: float = 1.0, max_gap: float | None = None
    ) -> None:
        if not documents:
            raise ValueError("a recording needs at least one document")
        if not speed > 0:
            raise ValueError(f"speed must be above 0, not {speed}")
        if max_gap is not None and not max_gap >= 0:
            raise ValueError(f"max_gap must be 0 or more, not {max_gap}")
        self.speed = speed
        """Feed seconds played per second."""
        self.max_gap = max_gap
        """The longest gap of feed time kept, in seconds (None: all kept)."""
        self.offsets: list[float] = []
        """Seconds from the start at which each document is due; never decreasing."""
        offset = 0.0
        previous: datetime | None = None
        for document in documents:
            when = peek(document).published_at
            if when is not None and previous is not None:
                gap = max(0.0, (when - previous).total_seconds())
                if max_gap is not None:
                    gap = min(gap, max_gap)
                offset += gap / speed
            if when is not None and (previous is None or when > previous):
                previous = when  # an older time is clamped: no going back
            self.offsets.append(offset)

    def __len__(self) -> int:
        return len(self.offsets)

    @property
    def duration(self) -> float:
        """Seconds from the start until the last document is due."""
        return self.offsets[-1]

    def index_at(self, elapsed: float) -> int:
        """The index of the latest document due `elapsed` seconds after the start (≥ 0)."""
        return max(0, bisect.bisect_right(self.offsets, elapsed) - 1)


class ReplaySource(FeedSource):
    """Plays a recording as a live feed: each poll gets the latest document due by now.

    The first document is due at the first fetch. A slow poller skips the
    documents it missed; a poll before the next one is due is "unchanged".
    With `from_end`, the first fetch gives the last document (the night's
    final state, for `check` and `snapshot`).
    """

    def __init__(
        self,
        documents: Sequence[bytes] | Path | str,
        *,
        speed: float = 1.0,
        max_gap: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        backoff: Backoff | None = None,
        from_end: bool = False,
    ) -> None:
        super().__init__(backoff=backoff)
        if isinstance(documents, Path | str):
            self._name = Path(documents).name
            documents = read_recording(documents)
        else:
            self._name = "recording"
        self.documents: tuple[bytes, ...] = tuple(documents)
        """The recording's documents, in order."""
        self.schedule = Schedule(self.documents, speed, max_gap)
        """When each document is due."""
        self.position = -1
        """The index of the document last delivered; -1 before the first fetch."""
        self._monotonic = clock
        self._started: float | None = None
        self._from_end = from_end

    @property
    def count(self) -> int:
        """Documents in the recording."""
        return len(self.documents)

    @property
    def description(self) -> str:
        """ "replay of NAME at N×"."""
        return f"replay of {self._name} at {self.schedule.speed:g}×"

    @property
    def finished(self) -> bool:
        """True once the last document has been delivered."""
        return self.position == self.count - 1

    @property
    def elapsed(self) -> float:
        """Seconds since the first fetch (0 before it)."""
        return 0.0 if self._started is None else self._monotonic() - self._started

    async def fetch(self) -> list[RawDocument] | None:
        """The latest document due, or None when it is the one already delivered."""
        if self._started is None:
            self._started = self._monotonic()
            if self._from_end:
                self._started -= self.schedule.duration
        index = self.schedule.index_at(self.elapsed)
        if index == self.position:
            return None
        self.position = index
        return [RawDocument(self._name, self.documents[index], index)]
