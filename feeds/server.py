"""Provides `FeedServer`: a recording served over HTTP as a live feed (`results-board serve-feed`).

This is how a studio rehearses with a real network path, and how the tests
give the HTTP source a real server. The feed advances in time like the night
did (gaps between `published_at` divided by `speed`), or one step at a time
in manual mode. It is served by `feeds.publish.PublishingServer`, the same
cache-friendly server as `relay` (headers, 304s and `/status` are described
there).

Endpoints besides `GET /feed.json`:

- `GET /status` — JSON `{position, count, sequence, finished, speed, manual, loop, lap}`.
- `POST /next` — one document on; `POST /goto?n=K` — jump to document K (0-based).
  Both work in either mode; in timed mode time runs on from there. Jumping
  back serves an older `sequence`, which a board refuses — useful to rehearse
  a stale cache.

With `loop`, the server starts again at the first document after holding the
last for `LOOP_HOLD` seconds; each new lap adds lap × (highest sequence + 1)
to `sequence`, so boards accept the restarted night as newer.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from feeds.publish import CachePolicy, Published, ServedPublisher

__all__ = ["LOOP_HOLD", "FeedServer"]

LOOP_HOLD = 5.0
"""Seconds the last document stays up before a looping server starts again."""

_CACHED_BODIES = 8


class FeedServer(ServedPublisher):
    """Serve `documents` (a recording's lines) at `url`, advancing with `clock`.

    Binds at construction (so `url` is known, port 0 picks a free port);
    `start()` serves from a daemon thread, `serve_forever()` from the calling
    thread; `stop()` or leaving the `with` block shuts it down. `cache` sets the
    `Cache-Control` the feed is served with (`feeds.publish.CachePolicy`).
    """

    server_name = "results-board-serve-feed"

    def __init__(
        self,
        documents: Sequence[bytes],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        speed: float = 1.0,
        manual: bool = False,
        start: int = 0,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        verbose: bool = False,
        cache: CachePolicy | None = None,
    ) -> None:
        if not documents:
            raise ValueError("the recording has no documents")
        if speed <= 0:
            raise ValueError("speed must be more than 0")
        if not 0 <= start < len(documents):
            raise ValueError(f"start must be between 0 and {len(documents) - 1}")
        from feeds.sources.replay import Schedule

        self.documents = tuple(documents)
        """The recording being served, one document per item."""
        self.speed = speed
        """Real-time factor: 60 plays a minute of the night each second."""
        self.manual = manual
        """True when the feed moves only on `POST /next` or `/goto`."""
        self.loop = loop
        """True when the feed starts again after the last document."""
        self._schedule = Schedule(self.documents, speed=speed)
        heads = [_head_of(document) for document in self.documents]
        self._sequences = [sequence for sequence, _ in heads]
        self._published = [published for _, published in heads]
        self._stride = max((s for s in self._sequences if s is not None), default=0) + 1
        self._clock = clock
        self._lock = threading.Lock()
        self._t0 = clock()
        self._base = self._schedule.offsets[start]
        self._index = start
        self._lap = 0
        self._bodies: OrderedDict[tuple[int, int], Published] = OrderedDict()
        self._listen(host=host, port=port, cache=cache, verbose=verbose)

    def start(self) -> FeedServer:
        """Serve from a daemon thread; the feed's clock starts now."""
        with self._lock:
            self._t0 = self._clock()
        return super().start()

    def serve_forever(self) -> None:
        """Serve from the calling thread until interrupted (Ctrl-C) or `stop()`."""
        with self._lock:
            self._t0 = self._clock()
        super().serve_forever()

    @property
    def count(self) -> int:
        """How many documents the recording has."""
        return len(self.documents)

    def position(self) -> tuple[int, int]:
        """The (lap, index) being served now."""
        with self._lock:
            return self._position()

    def next(self) -> None:
        """Move one document on (to the first of a new lap when looping at the end)."""
        with self._lock:
            lap, index = self._position()
            if index + 1 < self.count:
                self._jump(lap, index + 1)
            elif self.loop:
                self._jump(lap + 1, 0)

    def goto(self, index: int) -> None:
        """Jump to document `index` of the current lap. Raises `ValueError` when out of range."""
        if not 0 <= index < self.count:
            raise ValueError(f"n must be between 0 and {self.count - 1}")
        with self._lock:
            lap, _ = self._position()
            self._jump(lap, index)

    def status(self) -> dict[str, Any]:
        """What `GET /status` answers."""
        lap, index = self.position()
        return {
            "position": index,
            "count": self.count,
            "sequence": self._sequence(lap, index),
            "finished": not self.loop and index == self.count - 1,
            "speed": self.speed,
            "manual": self.manual,
            "loop": self.loop,
            "lap": lap,
        }

    def current(self) -> Published:
        """The document served now, with its ETag and Last-Modified (its `published_at`)."""
        with self._lock:
            return self._body(self._position())

    def post(self, path: str, query: str) -> tuple[HTTPStatus, dict[str, Any]]:
        """`POST /next` and `POST /goto?n=K`; the status after the move."""
        if path == "/next":
            self.next()
        elif path == "/goto":
            values = parse_qs(query).get("n", [])
            try:
                self.goto(int(values[0]))
            except (IndexError, ValueError) as error:
                return HTTPStatus.BAD_REQUEST, {"error": str(error) if values else "missing n"}
        else:
            return HTTPStatus.NOT_FOUND, {"error": "POST /next or /goto?n=K"}
        return HTTPStatus.OK, self.status()

    def _position(self) -> tuple[int, int]:
        if self.manual:
            return self._lap, self._index
        virtual = self._base + max(0.0, self._clock() - self._t0)
        if not self.loop:
            return self._lap, self._schedule.index_at(virtual)
        period = self._schedule.duration + LOOP_HOLD
        laps, within = divmod(virtual, period)
        return self._lap + int(laps), self._schedule.index_at(within)

    def _jump(self, lap: int, index: int) -> None:
        self._lap, self._index = lap, index
        self._base = self._schedule.offsets[index]
        self._t0 = self._clock()

    def _sequence(self, lap: int, index: int) -> int | None:
        sequence = self._sequences[index]
        return None if sequence is None else sequence + lap * self._stride

    def _body(self, key: tuple[int, int]) -> Published:
        cached = self._bodies.get(key)
        if cached is None:
            lap, index = key
            body = self.documents[index]
            if lap:
                document = json.loads(body)
                document["sequence"] = self._sequence(lap, index)
                body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
            now = datetime.now().astimezone()
            cached = self._bodies[key] = Published.of(body, self._published[index], now)
            if len(self._bodies) > _CACHED_BODIES:
                self._bodies.popitem(last=False)
        return cached


def _head_of(document: bytes) -> tuple[int | None, datetime | None]:
    """A document's `sequence` and `published_at`, where it has them (not validated here)."""
    try:
        head = json.loads(document)
        sequence, published = head.get("sequence"), head.get("published_at")
    except (ValueError, AttributeError):
        return None, None
    try:
        when = datetime.fromisoformat(published) if isinstance(published, str) else None
    except ValueError:
        when = None
    if when is not None and when.tzinfo is None:
        when = None
    return (sequence if isinstance(sequence, int) else None), when
