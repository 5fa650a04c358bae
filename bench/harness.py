"""Provides what the benchmark runs share besides the terminal (`bench.terminal`).

`percentile` summarises latencies; `LoggingFeedServer` is `FeedServer` that
notes when each `GET /feed.json` arrives, to measure polling from the
server's side.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from feeds.publish import Published
from feeds.server import FeedServer

__all__ = ["LoggingFeedServer", "percentile"]


def percentile(values: Sequence[float], q: float) -> float:
    """The `q`-th percentile (0–100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


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
