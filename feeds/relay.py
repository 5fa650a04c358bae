"""Provides `Relay`: ingest one feed once, publish it for a gallery (`results-board relay`).

A desk with one upstream feed (a quota, a token, PA over FTP) and many boards
runs one relay: it polls the source like a board would (any `FeedSource`,
with its back-off) and publishes each accepted document as `results-board/1`
JSON on `/feed.json` through the same cache-friendly server as `serve-feed`
(`feeds.httpserve`). Boards, or an HTTP cache in front of them
(`deploy/nginx/`), read the relay; only the relay reads the upstream, and only
the relay holds its credentials.

The published document carries the relay's **own** `sequence`: the Unix
second at which the relay accepted the change (one more than the last, if two
fall in one second). It grows with each accepted change whatever the upstream
numbers, and a restarted relay starts above where it stopped (its clock has
moved on), so boards accept its documents after a restart. The upstream's own
sequence is in `/status`.

When the upstream fails the relay keeps serving the last good document, and
says so in it: the document is published again (a new `sequence`, so every
cache passes it on) with `upstream: {"state": "failing", "error", "since",
"last_good"}` (format 1.1), and once more with `"state": "ok"` when the
upstream is back — so a gallery of boards behind the relay says the upstream
is failing and goes STALE by its own rules, instead of LIVE over figures that
stopped moving. `/status` says the same. `GET /status` (never cached) answers
`{source, interval, state, sequence, upstream_sequence, published_at,
last_poll, last_good_poll, last_change, last_error, failing_since, failures,
polls, changes}` with times in ISO 8601; `state` is `waiting` (no document
yet: `/feed.json` answers 503 with Retry-After), `ok`, `failing` or
`finished` (a replayed recording at its end).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from feeds.publish import CachePolicy, Published, ServedPublisher
from feeds.source import Changed, Failed, FeedSource, PollOutcome, Snapshot

__all__ = ["Relay"]


class Relay(ServedPublisher):
    """Poll `source` every `interval` seconds and serve its newest good document at `url`.

    Binds at construction (port 0 picks a free port). `start()` polls and
    serves from daemon threads; `serve_forever()` polls on the calling thread
    until Ctrl-C or `stop()`; `run()` is the poll loop itself, for callers that
    have an event loop. `clock` is the wall clock (for `/status` and
    Last-Modified), `seconds` the Unix time the sequence is taken from;
    `on_outcome` is called with every poll's outcome (the command logs them).
    """

    server_name = "results-board-relay"

    def __init__(
        self,
        source: FeedSource,
        *,
        interval: float = 5.0,
        host: str = "127.0.0.1",
        port: int = 0,
        cache: CachePolicy | None = None,
        verbose: bool = False,
        clock: Callable[[], datetime] | None = None,
        seconds: Callable[[], float] = time.time,
        on_outcome: Callable[[PollOutcome], None] | None = None,
    ) -> None:
        if not interval > 0:
            raise ValueError("interval must be more than 0")
        self.source = source
        """What is ingested."""
        self.interval = interval
        """Seconds between polls when all is well."""
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._seconds = seconds
        self._on_outcome = on_outcome
        self._lock = threading.Lock()
        self._published: Published | None = None
        self._sequence = 0
        self._upstream_sequence: int | None = None
        self._published_at: datetime | None = None
        self._times: dict[str, datetime | None] = dict.fromkeys(
            ("last_poll", "last_good_poll", "last_change", "failing_since")
        )
        self._error: str | None = None
        self._document: dict[str, Any] | None = None  # the last good document, as sent
        self._said: tuple[str, str | None] | None = None  # the upstream state published
        self._counts = {"polls": 0, "changes": 0}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._poller: threading.Thread | None = None
        self._listen(host=host, port=port, cache=cache, verbose=verbose)

    # -- publishing ----------------------------------------------------------------------------

    def current(self) -> Published | None:
        """The newest good document with the relay's sequence, or None before the first."""
        with self._lock:
            return self._published

    def retry_after(self) -> int:
        """A client that came before the first document should try again after one interval."""
        return max(1, math.ceil(self.interval))

    def status(self) -> dict[str, Any]:
        """What `GET /status` answers (see the module docstring)."""
        with self._lock:
            if self._published is None:
                state = "waiting"
            elif self._error is not None:
                state = "failing"
            else:
                state = "finished" if self.source.finished else "ok"
            times = {name: _iso(when) for name, when in self._times.items()}
            return {
                "source": self.source.description,
                "interval": self.interval,
                "state": state,
                "sequence": self._sequence if self._published is not None else None,
                "upstream_sequence": self._upstream_sequence,
                "published_at": _iso(self._published_at),
                **times,
                "last_error": self._error,
                "failures": self.source.failures,
                **self._counts,
            }

    def record(self, outcome: PollOutcome) -> None:
        """Take one poll's outcome: publish a new document, note success or failure."""
        now = self._clock()
        with self._lock:
            self._counts["polls"] += 1
            self._times["last_poll"] = now
            if isinstance(outcome, Failed):
                self._error = outcome.error.summary
                self._times["failing_since"] = self._times["failing_since"] or now
            else:
                self._error = None
                self._times["last_good_poll"] = now
                self._times["failing_since"] = None
                if isinstance(outcome, Changed):
                    self._take(outcome.snapshot, now)
            said = ("failing", self._error) if self._error is not None else ("ok", None)
            if self._document is not None and said != self._said:
                self._publish(now)

    def _take(self, snapshot: Snapshot, now: datetime) -> None:
        self._document = json.loads(snapshot.document)
        self._upstream_sequence = snapshot.feed.sequence
        self._published_at = snapshot.feed.published_at
        self._times["last_change"] = now
        self._counts["changes"] += 1
        self._said = None  # publish it, with the upstream as it is now

    def _publish(self, now: datetime) -> None:
        """Publish the last good document with the relay's sequence and the upstream's state."""
        assert self._document is not None and self._published_at is not None
        document = dict(self._document)
        self._sequence = max(self._sequence + 1, int(self._seconds()))
        document["sequence"] = self._sequence
        document["upstream"] = self._upstream(now)
        body = json.dumps(document, separators=(",", ":")).encode()
        self._published = Published.of(body, self._published_at, now)
        self._said = ("failing", self._error) if self._error is not None else ("ok", None)

    def _upstream(self, now: datetime) -> dict[str, Any]:
        good = _iso(self._times["last_good_poll"])
        if self._error is None:
            return {"state": "ok", "last_good": good}
        since = _iso(self._times["failing_since"])
        return {"state": "failing", "error": self._error, "since": since, "last_good": good}

    # -- polling -------------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Poll until `stop` is set (or `stop()` is called); the source is closed at the end.

        A finished source (a recording at its end) is not polled again; its
        last document stays up.
        """
        self._loop = asyncio.get_running_loop()
        self._stop = stop = stop or asyncio.Event()
        try:
            while not stop.is_set():
                outcome = await self.source.poll()
                self.record(outcome)
                if self._on_outcome is not None:
                    self._on_outcome(outcome)
                delay = None if self.source.finished else self.source.next_delay(self.interval)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), delay)
        finally:
            await self.source.aclose()

    def start(self) -> Relay:
        """Serve, and poll from a daemon thread; returns at once."""
        started = threading.Event()

        def poll() -> None:
            async def main() -> None:
                stop = asyncio.Event()
                self._stop = stop
                self._loop = asyncio.get_running_loop()
                started.set()
                await self.run(stop)

            asyncio.run(main())

        super().start()
        self._poller = threading.Thread(target=poll, name="relay-poll", daemon=True)
        self._poller.start()
        started.wait(timeout=10)
        return self

    def serve_forever(self) -> None:
        """Serve from a thread and poll on this one until Ctrl-C or `stop()`."""
        super().start()
        try:
            asyncio.run(self.run())
        finally:
            super().stop()

    def stop(self) -> None:
        """Stop polling (closing the source) and serving."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended
                loop.call_soon_threadsafe(stop.set)
        if self._poller is not None:
            self._poller.join(timeout=10)
            self._poller = None
        super().stop()


def _iso(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat(timespec="seconds")
