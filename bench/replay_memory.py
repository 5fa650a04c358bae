"""Provides the board's memory over a long accelerated replay, for `python -m bench.run`.

`results-board replay FILE --speed N` of thousands of synthetic snapshots (`FeedDocs.long_night`,
each Labour figure 10000 + its index), with `r` typed to poll faster than the replay's 1 s
interval; resident memory is sampled throughout (`psutil`, through `PtyProgram.rss`).
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.feeddocs import FeedDocs
from bench.terminal import PtyProgram, board_command

__all__ = ["Memory", "measure_memory"]


@dataclass
class Memory:
    """The board's resident memory over a long accelerated replay."""

    snapshots: int
    seconds: float = float("nan")
    reached: int = 0
    first_mb: float = float("nan")
    peak_mb: float = float("nan")
    end_mb: float = float("nan")


def measure_memory(snapshots: int, pump_hz: float) -> Memory:
    """Replay `snapshots` documents one feed-second apart at `pump_hz`×, typing `r` as fast."""
    docs = FeedDocs()
    result = Memory(snapshots)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-night.jsonl"
        path.write_bytes(b"\n".join(docs.long_night(snapshots)) + b"\n")
        command = [*board_command(), "replay", str(path), "--speed", f"{pump_hz:g}"]
        last = str(10_000 + snapshots - 1)
        with PtyProgram(command, size=(120, 40)) as pty:
            if pty.shown_at("10000", 20) is None and pty.shown_at("1000", 1) is None:
                print(f"  replay never drew:\n{pty.text()}")
            result.first_mb = peak = pty.rss() / 2**20
            start = time.monotonic()
            done = pty.watch(last, start)
            period, limit = 1 / pump_hz, snapshots / pump_hz * 3
            while not done.event.wait(period) and time.monotonic() - start < limit:
                pty.send(b"r")
                peak = max(peak, pty.rss() / 2**20)
            result.seconds = time.monotonic() - start
            result.reached = _figure_reached(pty.text(), snapshots)
            time.sleep(1.0)
            result.end_mb = pty.rss() / 2**20
            result.peak_mb = max(peak, result.end_mb)
    return result


def _figure_reached(screen: str, snapshots: int) -> int:
    """The highest snapshot whose Labour figure (10000 + i) is on screen."""
    found = [int(w) - 10_000 for w in screen.split() if w.isdigit() and 10_000 <= int(w) < 20_000]
    return max(found, default=-1) + 1
