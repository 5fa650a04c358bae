"""Provides `Poller`: the board's one polling loop — poll, hand the outcome over, wait, again.

The app runs `Poller.run` in its one exclusive worker. Each turn awaits
`FeedSource.poll()` (which never raises), stamps the outcome with the app's
clock and hands both to `on_outcome`, which turns them into board state and
returns how long to wait; `wake()` (the `r` key, a new interval) cuts the
wait short. Nothing here imports Textual.

With `RESULTS_BOARD_POLL_LOG=path` set, each poll appends "scheduled,started"
monotonic seconds to that file: how late polling runs (on a slow link, say);
`python -m bench.run` reads it.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from feeds.source import FeedSource, PollOutcome

__all__ = ["POLL_LOG_ENV", "OnOutcome", "Poller"]

POLL_LOG_ENV = "RESULTS_BOARD_POLL_LOG"
"""Environment variable naming a file to log poll times to (for the benchmark)."""

OnOutcome = Callable[[PollOutcome, datetime], float]
"""Takes a poll's outcome and the moment it finished; returns seconds until the next poll."""


class Poller:
    """Polls one source for as long as `run` runs; `wake` polls at once."""

    def __init__(self, source: FeedSource, clock: Callable[[], datetime]) -> None:
        self.source = source
        """What is polled."""
        self._clock = clock
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Poll now instead of waiting out the delay."""
        self._wake.set()

    async def run(self, on_outcome: OnOutcome) -> None:
        """Poll until cancelled; every outcome goes to `on_outcome`."""
        log = _open_poll_log()
        scheduled = time.monotonic()
        try:
            while True:
                if log is not None:
                    log.write(f"{scheduled:.6f},{time.monotonic():.6f}\n")
                outcome = await self.source.poll()
                delay = on_outcome(outcome, self._clock())
                scheduled = time.monotonic() + delay
                self._wake.clear()
                try:
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
                except TimeoutError:
                    pass
        finally:
            if log is not None:
                log.close()


def _open_poll_log() -> TextIO | None:
    """The poll log named by `RESULTS_BOARD_POLL_LOG`, line-buffered, or None."""
    path = os.environ.get(POLL_LOG_ENV)
    if not path:
        return None
    try:
        return open(path, "a", buffering=1, encoding="ascii")
    except OSError:
        return None
