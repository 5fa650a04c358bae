"""Provides `FeedSource`, the one interface the board polls, and what a poll returns.

A source is polled by one caller at a time. `poll()` never raises (other than
`asyncio.CancelledError`): every failure comes back as `Failed` carrying a
`FeedError`. Between polls the caller sleeps `next_delay(interval)`, which is
the interval after a success and a jittered, growing back-off after failures
(honouring a server's Retry-After).

One poll, in order (`FeedSource.poll`):

1. `fetch()` — the transport gets raw documents (or None: known unchanged);
2. documents whose bytes equal the last accepted ones of the same name are
   dropped (nothing to read);
3. `Adapter.read()` turns the rest into a `Reading` (in a worker thread when
   large) — a whole new `Feed`, or None when nothing visible changed;
4. a feed whose `sequence` is older than the one accepted is refused
   (`SequenceRegression`); an equal sequence means unchanged;
5. only then are both sides committed — `Adapter.accept()` and
   `FeedSource.commit()` (validators, file stamps, next links) — so a refused
   document is never mistaken for "unchanged" next time.

Implementations (`feeds.sources.*`) only `fetch()` and, if they remember
anything, `commit()`; none overrides `poll()`.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from feeds.adapter import Adapter, JsonAdapter, RawDocument, Reading
from feeds.errors import FeedError, FeedHTTPError, SequenceRegression
from feeds.models import Feed

__all__ = [
    "Backoff",
    "Changed",
    "Failed",
    "FeedSource",
    "PollOutcome",
    "RawDocument",
    "Snapshot",
    "Unchanged",
]

PARSE_OFF_LOOP_BYTES = 256 * 1024
"""Fetches larger than this (in all) are read in a worker thread.

Measured by `python -m bench.parse_bench`: a 1 MB feed stalls the event loop
50-120 ms when parsed on it, 10-20 ms via `asyncio.to_thread` (our validators
run Python code for every string, so the thread yields the GIL often). Below
about 0.3 MB the stall is under one frame and a thread costs more than it saves.
"""


@dataclass(frozen=True)
class Snapshot:
    """A validated whole feed as received: the feed, when it came, and its JSON document."""

    feed: Feed
    """The validated document."""
    received_at: datetime
    """Our clock when the poll that brought it finished."""
    raw: bytes | None = field(default=None, repr=False)
    """The `results-board/1.x` JSON bytes as sent, when the source sent JSON; None when the
    feed was read from another format (see `document`)."""
    warnings: tuple[str, ...] = ()
    """Inconsistencies worth showing; the document was accepted."""

    @cached_property
    def document(self) -> bytes:
        """The snapshot as one `results-board/1.x` JSON document: what `record` and `relay`
        write. The bytes as sent for a JSON feed (unknown fields kept); else the feed serialised
        (computed on first use: a PA or AP night is only serialised when someone asks)."""
        if self.raw is not None:
            return self.raw
        return self.feed.model_dump_json(exclude_none=True).encode()


@dataclass(frozen=True)
class Changed:
    """The poll brought a newer feed."""

    snapshot: Snapshot
    """The new feed."""
    problems: tuple[str, ...] = ()
    """Standing faults beside the good figures (a malformed file in a folder)."""


@dataclass(frozen=True)
class Unchanged:
    """The poll succeeded and nothing is new (304, identical body, or same sequence)."""

    problems: tuple[str, ...] = ()
    """Standing faults beside the good figures, as after the last reading."""


@dataclass(frozen=True)
class Failed:
    """The poll failed; the last good snapshot stands."""

    error: FeedError
    """What went wrong, with its on-air `summary`."""


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
    """Where snapshots come from: a URL, a file, a folder, an FTP account, a recording.

    Subclasses implement `fetch()` and `description`; they may override
    `commit()` (remember what was accepted), `finished` (a replay at its end)
    and `aclose()`. The `adapter` reads what they fetch (default: the JSON
    format `results-board/1.x`).
    """

    def __init__(
        self,
        *,
        adapter: Adapter | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.adapter: Adapter = adapter or JsonAdapter()
        """Turns fetched documents into feeds."""
        self.backoff = backoff or Backoff()
        """The back-off policy used by `next_delay`."""
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._digests: dict[str, bytes] = {}
        self._sequence: int | None = None
        self._problems: tuple[str, ...] = ()
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
    async def fetch(self) -> Sequence[RawDocument] | None:
        """Return what is new since the last commit, or None when it is known unchanged.

        Must not change what the source remembers: that is `commit()`'s job.

        Raises:
            FeedError: any failure to get the bytes.
        """

    def commit(self, documents: Sequence[RawDocument]) -> None:  # noqa: B027 - optional hook
        """Remember `documents` as read (called only once they were accepted or found unchanged)."""

    async def poll(self) -> PollOutcome:
        """Fetch, read and commit once. Never raises except on cancellation."""
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
        documents = await self.fetch()
        if not documents:
            return Unchanged(self._problems)
        digests = {d.name: hashlib.blake2b(d.body, digest_size=16).digest() for d in documents}
        new = [d for d in documents if self._digests.get(d.name) != digests[d.name]]
        if not new:
            self._commit(documents, digests, None)
            return Unchanged(self._problems)
        now = self._clock()
        if self.adapter.heavy or sum(len(d.body) for d in new) > PARSE_OFF_LOOP_BYTES:
            reading = await asyncio.to_thread(self.adapter.read, new, now)
        else:
            reading = self.adapter.read(new, now)
        feed = reading.feed
        if feed is not None and self._sequence is not None:
            if feed.sequence < self._sequence:
                raise SequenceRegression(feed.sequence, self._sequence)
            if feed.sequence == self._sequence:
                feed = None
        self._commit(documents, digests, reading)
        if feed is None:
            return Unchanged(self._problems)
        self._sequence = feed.sequence
        warnings = (*reading.warnings, *feed.warnings(now))
        return Changed(Snapshot(feed, now, reading.document, warnings), self._problems)

    def _commit(
        self, documents: Sequence[RawDocument], digests: dict[str, bytes], reading: Reading | None
    ) -> None:
        if reading is not None:
            self.adapter.accept(reading)
            self._problems = reading.problems
        self._digests.update(digests)
        self.commit(documents)

    def next_delay(self, interval: float) -> float:
        """Seconds to wait before polling again, given the normal `interval`."""
        error = self.last_error
        retry_after = error.retry_after if isinstance(error, FeedHTTPError) else None
        return self.backoff.delay(interval, self.failures, retry_after)

    async def aclose(self) -> None:  # noqa: B027 - optional hook, nothing to close by default
        """Release what the source holds (connections, files)."""
