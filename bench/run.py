"""Provides `python -m bench.run`: the board's cost on the wire and CPU, beside the baselines.

Each program runs in a pseudo-terminal (120×40, then 200×60) against a local
`FeedServer` in manual mode holding the night's final document, so every
program sees the same documents at the same moments (the harness publishes):

- first byte and first fully drawn board (the final figure on screen) from process start;
- steady output (B/s) and CPU (% of one core) over a window after a warm-up;
- one-party updates: the harness publishes (`POST /next`) a change to one
  party's seats at a random moment between polls; latency is publish → the
  new figure on the (pyte) screen; bytes are those written from the publish
  until `SETTLE` after it showed, minus the steady rate over that window.

Then, for the board only: memory over a long accelerated replay
(`results-board replay FILE --speed N`, 5,000 synthetic snapshots, with `r`
typed to poll faster than the replay's 1 s interval: `bench/replay_memory.py`),
and a slow link (the pty read at 16 KB/s) with poll lateness measured from the
server's side (`bench/slow_link.py`).

`--quick` shortens every window (about 2 minutes); the full run takes about 9.
Writes `bench/results.md`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.feeddocs import FeedDocs
from bench.harness import LoggingFeedServer
from bench.replay_memory import measure_memory
from bench.report import write_report
from bench.slow_link import SlowLink, measure_slow_link
from bench.terminal import PtyProgram, board_command

__all__ = ["PROGRAMS", "Measured", "Program", "main"]

INTERVAL = 1.0
"""The poll interval every program uses (seconds)."""
SETTLE = 0.3
"""Seconds after an update shows that still count towards its bytes."""
SIZES = ((120, 40), (200, 60))
DEFAULT_INTERVAL = 5.0
"""The board's own default interval, for a second look at its idle cost."""
THROTTLE = 16_384
"""The slow link: bytes per second read from the pty."""


@dataclass(frozen=True)
class Program:
    """A program under test: a name, its command for a feed URL, and its environment."""

    name: str
    command: Callable[[str], list[str]]
    env: dict[str, str] = field(default_factory=dict)
    board: bool = False
    """The board itself: its ticker enters from the right, so the warm-up waits for it to fill."""


def _board(url: str, interval: float = INTERVAL) -> list[str]:
    return [*board_command(), "watch", url, "--interval", f"{interval:g}"]


def _board_default(url: str) -> list[str]:
    return _board(url, DEFAULT_INTERVAL)


OFF = {"TEXTUAL_ANIMATIONS": "none"}
PROGRAMS = (
    Program("board", _board, board=True),
    Program("board, animations off", _board, OFF, board=True),
    Program(
        "Rich Live",
        lambda url: [sys.executable, "-m", "bench.baselines.rich_live", url, "--interval", "1"],
    ),
    Program("watch + snapshot", lambda url: ["watch", "-n", f"{INTERVAL:g}", *_snapshot(url)]),
)
AT_DEFAULT_INTERVAL = (
    Program("board, 5 s interval", _board_default, board=True),
    Program("board, animations off, 5 s interval", _board_default, OFF, board=True),
)
"""The board's steady cost when polling at its default interval (no updates published)."""


def _snapshot(url: str) -> list[str]:
    return [*board_command(), "snapshot", url]


@dataclass
class Measured:
    """What one program cost at one size."""

    program: str
    size: tuple[int, int]
    first_byte: float = float("nan")
    drawn: float = float("nan")
    steady_bps: float = float("nan")
    cpu: float = float("nan")
    rss_mb: float = float("nan")
    update_bytes: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    missed: int = 0


def _startup(
    program: Program, size: tuple[int, int], url: str, final: str = FeedDocs.FINAL_FIGURE
) -> tuple[float, float]:
    """Seconds from process start to its first byte and to the final figure on screen."""
    with PtyProgram(program.command(url), size=size, env=program.env) as pty:
        drawn = pty.shown_at(final, 20)
        first = pty.output.first_byte_at()
        return (
            float("nan") if first is None else first - pty.started,
            float("nan") if drawn is None else drawn - pty.started,
        )


def _ticker_full(pty: PtyProgram) -> bool:
    """Whether the line above the footer (the board's ticker) is written from its first cell."""
    lines = pty.text().split("\n")
    return len(lines) >= 2 and lines[-2][:1] not in ("", " ")


def measure(
    program: Program,
    size: tuple[int, int],
    updates: int,
    steady: float,
    starts: int,
    look_for: Callable[[str], str] = str,
) -> Measured:
    """Start `program` at `size`: median startup of `starts` runs, steady cost, then updates.

    `look_for` turns a figure into what shows on screen when it is drawn (the
    wall draws figures in big digits: `bench.wall_bench.digits_needle`).
    """
    docs = FeedDocs()
    result = Measured(program.name, size)
    server = LoggingFeedServer(docs.with_updates(updates), manual=True).start()
    final = look_for(FeedDocs.FINAL_FIGURE)
    try:
        times = [_startup(program, size, server.url, final) for _ in range(starts)]
        if times:
            result.first_byte = statistics.median(t[0] for t in times)
            result.drawn = statistics.median(t[1] for t in times)
        with PtyProgram(program.command(server.url), size=size, env=program.env) as pty:
            if pty.shown_at(final, 20) is None:
                print(f"  {program.name}: never showed {FeedDocs.FINAL_FIGURE}:\n{pty.text()}")
                return result
            time.sleep(3.0)  # warm-up: imports done, first polls answered
            if program.board:  # the ticker enters from the right: let it fill
                deadline = time.monotonic() + size[0] / 8 + 5
                while not _ticker_full(pty) and time.monotonic() < deadline:
                    time.sleep(0.2)
            cpu0, start = pty.cpu(), time.monotonic()
            time.sleep(steady)
            cpu1, end = pty.cpu(), time.monotonic()
            result.steady_bps = pty.output.bytes_between(start, end) / (end - start)
            result.cpu = cpu1.percent_since(cpu0)
            result.rss_mb = pty.rss() / 2**20
            rng = random.Random(f"{program.name}{size}")
            for i in range(updates):
                time.sleep(rng.uniform(0, INTERVAL))  # publish at a random phase of the polls
                published = server.advance()
                shown = pty.watch(look_for(docs.update_figure(i)), published)
                if not shown.event.wait(INTERVAL + 10):
                    result.missed += 1
                    continue
                assert shown.seen_at is not None
                time.sleep(SETTLE)
                window_end = shown.seen_at + SETTLE
                written = pty.output.bytes_between(published, window_end)
                result.update_bytes.append(written - result.steady_bps * (window_end - published))
                result.latencies.append(shown.seen_at - published)
    finally:
        server.stop()
    return result


def main(argv: list[str] | None = None) -> None:
    """Run every measurement, print the table and write `bench/results.md`."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="short windows (about 2 minutes)")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("results.md"))
    args = parser.parse_args(argv)
    quick = args.quick
    steady = 5.0 if quick else 12.0
    began = time.monotonic()
    results: list[Measured] = []
    for size in SIZES:
        for program in PROGRAMS:
            updates = (10 if quick else 50 if program.board else 20) if size == (120, 40) else 5
            print(f"{program.name} at {size[0]}×{size[1]} …", flush=True)
            starts = (3 if size == (120, 40) else 1) if quick else (5 if size == (120, 40) else 3)
            results.append(measure(program, size, updates, steady, starts))
    for program in AT_DEFAULT_INTERVAL:
        print(f"{program.name} at 120×40 …", flush=True)
        results.append(measure(program, (120, 40), 0, steady, 0))
    print("memory over a long replay …", flush=True)
    memory = measure_memory(1_000 if quick else 5_000, 100.0)
    slow: list[SlowLink] = []
    for program in (PROGRAMS[0], PROGRAMS[2]):
        for throttle in (None, THROTTLE):
            print(f"slow link: {program.name}, {throttle or 'unthrottled'} …", flush=True)
            seconds = 10.0 if quick else 20.0
            slow.append(measure_slow_link(program, seconds, throttle, INTERVAL))
    text = write_report(results, memory, slow, quick, time.monotonic() - began, args.out)
    print(text)


if __name__ == "__main__":
    main()
