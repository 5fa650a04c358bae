"""Provides the parse benchmark: throughput of `parse_feed` and the event-loop stall it causes.

Run from the repository root: `python -m bench.parse_bench [--repeat N]`.

For synthetic valid feeds of about 0.1, 1 and 5 MB (many declarations and
ticker items) it prints parse-and-validate throughput (MB/s) and, for three
ways of calling the parser from asyncio, the longest gap a ticker coroutine
(sleeping 10 ms at a time) saw while one parse ran: on the loop,
`asyncio.to_thread`, and a warm `ProcessPoolExecutor`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor

from feeds.models import Feed
from feeds.parse import parse_feed
from sample_feeds.factory import encode, small_document

__all__ = ["build_feed", "main", "measure_stall", "throughput"]

SIZES_MB = (0.1, 1.0, 5.0)
TICK = 0.010
FRAME = 1 / 60
"""A stall longer than one frame at 60 fps is a visible hitch in a scrolling ticker."""


def build_feed(target_mb: float) -> bytes:
    """A valid feed of about `target_mb` MB: declarations and ticker items in equal numbers."""
    per_item = len(encode(small_document(1, declarations=100, updates=100))) / 100
    count = max(1, int(target_mb * 1_000_000 / per_item))
    return encode(small_document(1, declarations=count, updates=count))


def throughput(body: bytes, repeat: int) -> float:
    """Best-of-`repeat` parse-and-validate speed in MB/s."""
    parse_feed(body)  # warm caches before timing
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        parse_feed(body)
        best = min(best, time.perf_counter() - start)
    return len(body) / best / 1e6


async def measure_stall(parse: Callable[[], Awaitable[Feed]]) -> tuple[float, float]:
    """(longest loop stall, wall time) in seconds while `parse()` runs beside a 10 ms ticker."""
    gaps: list[float] = []
    running = True

    async def ticker() -> None:
        while running:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            gaps.append(time.perf_counter() - before - TICK)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(5 * TICK)  # let the ticker settle into its rhythm
    gaps.clear()
    start = time.perf_counter()
    await parse()
    wall = time.perf_counter() - start
    await asyncio.sleep(2 * TICK)  # the tick that spans the end of the parse
    running = False
    await task
    return max(gaps, default=0.0), wall


async def stalls(body: bytes, pool: ProcessPoolExecutor, repeat: int) -> dict[str, list[float]]:
    """Median (stall, wall) of `repeat` runs for each way of parsing."""
    loop = asyncio.get_running_loop()

    async def on_loop() -> Feed:
        return parse_feed(body)

    async def in_thread() -> Feed:
        return await asyncio.to_thread(parse_feed, body)

    async def in_process() -> Feed:
        return await loop.run_in_executor(pool, parse_feed, body)

    results: dict[str, list[float]] = {}
    for name, parse in (("loop", on_loop), ("thread", in_thread), ("process", in_process)):
        runs = [await measure_stall(parse) for _ in range(repeat)]
        results[name] = [statistics.median(stall for stall, _ in runs)]
        results[name].append(statistics.median(wall for _, wall in runs))
    return results


def main(argv: list[str] | None = None) -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median/best)")
    args = parser.parse_args(argv)
    bodies = {size: build_feed(size) for size in SIZES_MB}
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(parse_feed, bodies[SIZES_MB[0]]).result()  # warm: imports done, worker up
        header = (
            f"{'feed':>8} {'MB/s':>6} | {'stall ms: loop':>14} {'to_thread':>9} {'process':>8}"
            f" | {'wall ms: loop':>13} {'to_thread':>9} {'process':>8}"
        )
        print(header)
        print("-" * len(header))
        speeds: list[float] = []
        table: dict[int, dict[str, list[float]]] = {}
        for body in bodies.values():
            speed = throughput(body, args.repeat)
            figures = table[len(body)] = asyncio.run(stalls(body, pool, args.repeat))
            speeds.append(speed)
            stall = [figures[k][0] * 1000 for k in ("loop", "thread", "process")]
            wall = [figures[k][1] * 1000 for k in ("loop", "thread", "process")]
            print(
                f"{len(body) / 1e6:>6.2f}MB {speed:>6.1f} | {stall[0]:>14.1f} {stall[1]:>9.1f}"
                f" {stall[2]:>8.1f} | {wall[0]:>13.1f} {wall[1]:>9.1f} {wall[2]:>8.1f}"
            )
    print(
        "\nStall: the longest extra delay a 10 ms ticker saw during one parse (median of runs)."
        "\nWall: time from the call to the validated Feed in hand (process: pickling included)."
    )
    print(recommend(statistics.median(speeds), table[max(table)]))


def recommend(speed: float, biggest: dict[str, list[float]]) -> str:
    """One paragraph: which way to parse, and from what size, from the measured figures."""
    threshold = FRAME * speed  # MB parsed in one frame's time on the loop
    thread, process = biggest["thread"], biggest["process"]
    best = "asyncio.to_thread" if thread[0] <= 1.5 * process[0] or thread[1] < process[1] else ""
    best = best or "a ProcessPoolExecutor"
    return (
        f"\nRecommendation: parse on the loop below about {threshold:.2f} MB (stall under one"
        f" frame, {FRAME * 1000:.0f} ms); above it use {best}. On the biggest feed, to_thread"
        f" stalled the loop {thread[0] * 1000:.0f} ms for {thread[1] * 1000:.0f} ms of work, the"
        f" process pool {process[0] * 1000:.0f} ms for {process[1] * 1000:.0f} ms (the body"
        " pickled there, the Feed back)."
    )


if __name__ == "__main__":
    main()
