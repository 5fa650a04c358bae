"""Provides `FeedSource`, the one interface the board polls, and what a poll returns.

A source is polled by one caller at a time. `poll()` never raises (other than
`asyncio.CancelledError`): every failure comes back as `Failed` carrying a
`FeedError`. Between polls the caller sleeps `next_delay(interval)`, which is
the interval after a success and a jittered, growing back-off after failures
(honouring a server's Retry-After).

The base class does what every source shares: it skips parsing a body
identical to the last one, refuses a document whose `sequence` is older than
the one accepted (`SequenceRegression`), treats an equal sequence as
unchanged, and keeps the failure count for back-off. Implementations only
`fetch()` bytes (or say "not modified") and, if not JSON, `parse()` them.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from feeds.errors import FeedError, FeedHTTPError, SequenceRegression
from feeds.models import Feed
from feeds.parse import parse_feed

__all__ = [
    "Backoff",
    "Changed",
    "Failed",
    "FeedSource",
    "PollOutcome",
    "Snapshot",
    "Unchanged",
]

PARSE_OFF_LOOP_BYTES = 256 * 1024
"""Bodies larger than this are validated in a worker thread.

Measured by `python -m bench.parse_bench`: a 1 MB feed stalls the event loop
50-120 ms when parsed on it, 10-20 ms via `asyncio.to_thread` (our validators
run Python code for every string, so the thread yields the GIL often). Below
about 0.3 MB the stall is under one frame and a thread costs more than it saves.
"""


@dataclass(frozen=True)
class Snapshot:
    """A validated document as received: the feed, when it came, and its own bytes."""

    feed: Feed
    """The validated document."""
    received_at: datetime
    """Our clock when the poll that brought it finished."""
    raw: bytes = field(repr=False)
    """The document as sent (for the recorder)."""
    warnings: tuple[str, ...] = ()
    """Inconsistencies worth showing; the document was accepted."""


@dataclass(frozen=True)
class Changed:
    """The poll brought a newer document."""

    snapshot: Snapshot


@dataclass(frozen=True)
class Unchanged:
    """The poll succeeded and nothing is new (304, identical body, or same sequence)."""


@dataclass(frozen=True)
class Failed:
    """The poll failed; the last good snapshot stands."""

    error: FeedError


PollOutcome = Changed | Unchanged | Failed


@dataclass
class Backoff:
    """Exponential back-off with jitter, bounded by the interval, honouring Retry-After.

    One failure is retried on the normal schedule: a single glitch should cost
    the board one interval, not more. From the second failure in a row the
    delay is uniform in [interval, ceiling] — full jitter above the normal
    interval, so a failing server is never polled faster than a healthy one —
    where the ceiling is interval × 2^(failures − 1), bounded by
    `bound(interval)` = min(`cap`, max(`intervals_cap` × interval, `short_cap`)).
    The bound is relative to the interval so that a board polling every 2 s is
    back within 8 s of a repaired feed (issue 11: it waited up to 15 s), while
    a board polling every 15 s still eases off to a minute. A server's
    Retry-After (capped at `retry_after_cap`) is a lower bound above all that:
    the server asked. From the second failure no delay is under `floor`, so a
    sub-second interval (tests, library use) never hammers a failing server.
    `rng` is injectable for tests.
    """

    cap: float = 60.0
    """The longest back-off in seconds, whatever the interval."""
    intervals_cap: float = 4.0
    """The longest back-off in intervals (unless `short_cap` allows more)."""
    short_cap: float = 5.0
    """Seconds the back-off may always reach, however short the interval."""
    floor: float = 1.0
    """The shortest delay from the second failure in a row, in seconds."""
    retry_after_cap: float = 300.0
    """The longest Retry-After honoured, in seconds."""
    rng: Callable[[float, float], float] = random.uniform

    def bound(self, interval: float) -> float:
        """The longest back-off for `interval` (never below the interval itself)."""
        return max(interval, min(self.cap, max(self.intervals_cap * interval, self.short_cap)))

    def delay(self, interval: float, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait before the next poll."""
        if failures <= 1:
            delay = interval
        else:
            # 2.0 ** n overflows past n = 1023, which a board polling a dead feed overnight reaches.
            ceiling = min(self.bound(interval), interval * 2.0 ** min(failures - 1, 64))
            delay = max(self.floor, self.rng(interval, max(interval, ceiling)))
        if failures > 0 and retry_after is not None:
            delay = max(delay, min(max(retry_after, 0.0), self.retry_after_cap))
        return delay


class FeedSource(ABC):
    """Where snapshots come from: an HTTP URL, a file, or a recording being replayed.

    Subclasses implement `fetch()` and `description`; they may override
    `parse()` (CSV), `finished` (a replay at its end) and `aclose()`.
    """

    def __init__(
        self, *, backoff: Backoff | None = None, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.backoff = backoff or Backoff()
        """The back-off policy used by `next_delay`."""
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._digest: bytes | None = None
        self._sequence: int | None = None
        self.failures = 0
        """Consecutive failed polls; 0 after a success."""
        self.last_error: FeedError | None = None
        """The error of the last poll, if it failed."""

    @property
    @abstractmethod
    def description(self) -> str:
        """Where this source reads from, safe to show (no secrets)."""

    @property
    def finished(self) -> bool:
        """True when no newer document can ever come (a replay that reached its end)."""
        return False

    @abstractmethod
    async def fetch(self) -> bytes | None:
        """Return the current document's bytes, or None when it is known unchanged.

        Raises:
            FeedError: any failure to get the bytes.
        """

    def parse(self, body: bytes) -> Feed:
        """Validate `body`. Raises `FeedInvalid`."""
        return parse_feed(body)

    async def poll(self) -> PollOutcome:
        """Fetch and validate once. Never raises except on cancellation."""
        try:
            outcome = await self._poll()
        except FeedError as error:
            outcome = Failed(error)
        except Exception as error:  # a bug must not stop the board: report it as a failure
            outcome = Failed(FeedError("internal error", f"{type(error).__name__}: {error}"))
        if isinstance(outcome, Failed):
            self.failures += 1
            self.last_error = outcome.error
        else:
            self.failures = 0
            self.last_error = None
        return outcome

    async def _poll(self) -> PollOutcome:
        body = await self.fetch()
        if body is None:
            return Unchanged()
        digest = hashlib.blake2b(body, digest_size=16).digest()
        if digest == self._digest:
            return Unchanged()
        if len(body) > PARSE_OFF_LOOP_BYTES:
            feed = await asyncio.to_thread(self.parse, body)
        else:
            feed = self.parse(body)
        if self._sequence is not None:
            if feed.sequence < self._sequence:
                raise SequenceRegression(feed.sequence, self._sequence)
            if feed.sequence == self._sequence:
                self._digest = digest
                return Unchanged()
        self._digest = digest
        self._sequence = feed.sequence
        now = self._clock()
        return Changed(Snapshot(feed, now, body, tuple(feed.warnings(now))))

    def next_delay(self, interval: float) -> float:
        """Seconds to wait before polling again, given the normal `interval`."""
        error = self.last_error
        retry_after = error.retry_after if isinstance(error, FeedHTTPError) else None
        return self.backoff.delay(interval, self.failures, retry_after)

    async def aclose(self) -> None:  # noqa: B027 - optional hook, nothing to close by default
        """Release what the source holds (connections, files)."""
