"""Provides the slow-link measurement of `python -m bench.run`: polling seen from the server
while the board's terminal is read no faster than a slow link.

The pty is drained at `throttle` bytes a second (`PtyProgram(throttle=…)`): once its buffer
is full the board's writes block, and what must not follow is late polls. Lateness is
measured from the server's side (gaps between requests) and, where the board writes one,
from its own poll log (`board.polling.POLL_LOG_ENV`).
"""

from __future__ import annotations

import itertools
import random
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bench.feeddocs import FeedDocs
from bench.harness import LoggingFeedServer
from bench.terminal import PtyProgram
from board.polling import POLL_LOG_ENV

if TYPE_CHECKING:
    from bench.run import Program

__all__ = ["SlowLink", "measure_slow_link"]


@dataclass
class SlowLink:
    """Polling seen from the server while the pty is read at `throttle` B/s."""

    program: str
    throttle: float | None
    gaps: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    bps: float = float("nan")
    board_lateness: list[float] | None = None
    """Seconds each poll started after its schedule, from the board's own log (if it wrote one)."""


def _read_poll_log(path: Path, start: float, end: float) -> list[float] | None:
    """Lateness of each scheduled poll in the window; None when the board wrote no log."""
    try:
        lines = path.read_text().split()
    except OSError:
        return None
    late = []
    for line in lines:
        scheduled, _, actual = line.partition(",")
        try:
            due, began = float(scheduled), float(actual)
        except ValueError:
            continue
        if start <= began <= end and began >= due:  # earlier: a poll forced by `r`
            late.append(began - due)
    return late if lines else None


def measure_slow_link(
    program: Program, seconds: float, throttle: float | None, interval: float
) -> SlowLink:
    """Run `program` with its output drained at `throttle` B/s, an update every second or so,
    each published at a random phase of its polls (`interval` seconds apart)."""
    docs = FeedDocs()
    updates = int(seconds) + 2
    result = SlowLink(program.name, throttle)
    server = LoggingFeedServer(docs.with_updates(updates), manual=True).start()
    log = Path(tempfile.mkdtemp(prefix="bench-")) / "polls.csv"
    env = {**program.env, POLL_LOG_ENV: str(log)}
    try:
        with PtyProgram(
            program.command(server.url), size=(120, 40), env=env, throttle=throttle
        ) as pty:
            if pty.shown_at(FeedDocs.FINAL_FIGURE, 30) is None:
                return result
            time.sleep(2.0)
            start = time.monotonic()
            rng = random.Random(program.name)
            for i in range(updates):
                if time.monotonic() - start > seconds:
                    break
                time.sleep(rng.uniform(0, interval))  # publish at a random phase of the polls
                published = server.advance()
                shown = pty.watch(docs.update_figure(i), published)
                shown.event.wait(3.0)  # a screen behind by more than that: publish on anyway
                if shown.seen_at is not None:
                    result.latencies.append(shown.seen_at - published)
            end = time.monotonic()
            arrivals = [t for t in server.requests if start <= t <= end]
            result.gaps = [b - a for a, b in itertools.pairwise(arrivals)]
            result.bps = pty.output.bytes_between(start, end) / (end - start)
        result.board_lateness = _read_poll_log(log, start, end)
    finally:
        server.stop()
        shutil.rmtree(log.parent, ignore_errors=True)
    return result
