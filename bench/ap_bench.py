"""Provides the AP benchmark: a national night's first ingest, its loop stall, a delta's way to
the screen, the board's memory over a night, and requests per minute at the default interval.

Run from the repository root: `python -m bench.ap_bench [--deltas N]`.

The national response is generated (`tests.apnight.national`: 500 races, 60 county units
each, ~20 MB, invented). Baselines are measured in the same run: the parse done in this
process (what a worker thread would cost the loop), beside the child-process parse the
adapter uses.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from feeds.adapter import RawDocument
from feeds.ap import ApAdapter
from feeds.ap.offload import load, warm_up
from feeds.ap.parse import parse_response
from feeds.ap.sources import DEFAULT_INTERVAL, MIN_INTERVAL, ApSource
from tests.apnight import encode, national, response
from tests.fakeap import FakeAp

__all__ = ["main"]

TICK = 0.005


def deltas(races: list[dict[str, Any]], count: int, size: int = 20) -> list[list[dict[str, Any]]]:
    """`count` updates of `size` races each: votes up, precincts in (a race changes whole)."""
    steps = []
    for n in range(count):
        step = []
        for k in range(size):
            race = races[(n * size + k) % len(races)]
            top = race["reportingUnits"][0]
            people = [
                {**c, "voteCount": c["voteCount"] + 1000 * (n + 1)} for c in top["candidates"]
            ]
            reporting = min(top["precinctsTotal"], top["precinctsReporting"] + 5 * (n + 1))
            unit = {**top, "candidates": people, "precinctsReporting": reporting}
            step.append({**race, "reportingUnits": [unit, *race["reportingUnits"][1:]]})
        steps.append(step)
    return steps


async def stall_while(work: Callable[[], Any]) -> tuple[float, float]:
    """(longest loop stall, wall time) in seconds while `work()` runs in a worker thread."""
    worst = 0.0
    running = True

    async def ticker() -> None:
        nonlocal worst
        while running:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            worst = max(worst, time.perf_counter() - before - TICK)

    task = asyncio.create_task(ticker())
    start = time.perf_counter()
    await asyncio.to_thread(work)
    wall = time.perf_counter() - start
    running = False
    await task
    return worst, wall


def first_ingest(body: bytes, repeat: int) -> None:
    """Bytes to a whole feed, as the adapter does it, against a parse in this process."""
    now = datetime.now(UTC)
    offloaded, inline = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        reading = ApAdapter().read([RawDocument("national", body)], now)
        offloaded.append(time.perf_counter() - start)
        start = time.perf_counter()
        parse_response(body)
        inline.append(time.perf_counter() - start)
    assert reading.feed is not None
    print(
        f"first ingest, {len(body) / 1e6:.1f} MB, {len(reading.feed.contests)} contests: "
        f"{statistics.median(offloaded):.2f} s median of {repeat} (target ≤ 1.5 s); "
        f"the parse alone in this process {statistics.median(inline):.2f} s"
    )
    loop_child = asyncio.run(stall_while(lambda: load(body)))
    loop_here = asyncio.run(stall_while(lambda: parse_response(body)))
    print(
        f"longest event-loop stall during it: {loop_child[0] * 1000:.0f} ms parsed in a child "
        f"process (target ≤ 50 ms) vs {loop_here[0] * 1000:.0f} ms in a worker thread "
        f"({loop_here[0] / max(loop_child[0], 1e-3):.0f}x)"
    )


async def delta_to_screen(races: list[dict[str, Any]], steps: list[list[dict[str, Any]]]) -> None:
    """A 20-race update from arrival (fetch returns) to the board having drawn it."""
    from tests.boardkit import first_shown, scripted_board

    first = response(races, link="/x")
    app, source, _ = scripted_board(first, adapter=ApAdapter(), interval=60, still=True)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await first_shown(app, timeout=60)
        await pilot.press("2")
        await pilot.pause()
        for step in steps:
            shown = app.state.shown
            assert shown is not None
            sequence = shown.feed.sequence
            body = encode(response(step, link="/x", truncated=False))
            start = time.perf_counter()
            source.push(body)
            app.action_poll_now()
            while (now := app.state.shown) is not None and now.feed.sequence == sequence:
                await asyncio.sleep(0.001)
            await pilot.pause()
            times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(
        f"20-race delta merged and on screen: median {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms over {len(times)} deltas (target ≤ 100 ms)"
    )


def night_memory(races: list[dict[str, Any]], steps: list[list[dict[str, Any]]]) -> None:
    """The real board in a pseudo-terminal through the night: its resident memory."""
    from bench.terminal import PtyProgram, board_command

    with FakeAp([races, *steps], key="bench") as fake:
        command = [*board_command(), "watch", "--format", "ap", fake.url, "--interval", "1"]
        with PtyProgram(command, size=(120, 40), env={"RESULTS_BOARD_AP_KEY": "bench"}) as board:
            board.wait_for_text("Races (", timeout=60)
            board.send("2")
            process = board.ps
            peak = process.memory_info().rss
            for _ in steps:
                fake.advance()
                deadline = time.monotonic() + 3
                while time.monotonic() < deadline:
                    peak = max(peak, process.memory_info().rss)
                    time.sleep(0.1)
            final = process.memory_info().rss
            others = sum(c.memory_info().rss for c in process.children(recursive=True))
            board.send("q")
            board.wait_exit(timeout=10)
    print(
        f"resident memory of the board over a night of {len(steps)} deltas: peak "
        f"{peak / 2**20:.0f} MB, at the end {final / 2**20:.0f} MB (target ≤ 150 MB); "
        f"its parse server {others / 2**20:.0f} MB"
    )


async def requests_per_minute(
    races: list[dict[str, Any]], steps: list[list[dict[str, Any]]]
) -> None:
    """Requests AP sees per minute at the default interval: the real poll and delay code,
    the time between polls counted rather than slept."""
    with FakeAp([races, *steps], key="bench", page_size=10) as fake:
        source = ApSource(fake.url, api_key="bench", min_interval=MIN_INTERVAL)
        elapsed = 0.0
        for n in range(len(steps) + 1):
            start = time.perf_counter()
            await source.poll()
            elapsed += time.perf_counter() - start + source.next_delay(DEFAULT_INTERVAL)
            if n % 2:
                fake.advance()  # a change every other poll, paged 10 races a page
        await source.aclose()
        per_minute = len(fake.requests) * 60 / elapsed
    print(
        f"requests per minute at the default interval ({DEFAULT_INTERVAL:g} s): "
        f"{per_minute:.1f} ({len(fake.requests)} requests in {elapsed:.0f} s of polling, "
        f"20-race updates in pages of 10); AP: no faster than every few seconds "
        f"(the board never polls AP's host more often than every {MIN_INTERVAL:g} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deltas", type=int, default=20, help="updates in the night (20)")
    parser.add_argument("--repeat", type=int, default=3, help="first-ingest runs (3)")
    args = parser.parse_args()
    warm_up()
    document = national()
    races: list[dict[str, Any]] = document["races"]
    body = encode(document)
    steps = deltas(races, args.deltas)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    time.sleep(1.0)  # the fork server up
    first_ingest(body, args.repeat)
    asyncio.run(delta_to_screen(races, steps))
    asyncio.run(requests_per_minute(races, steps[:6]))
    night_memory(races, steps)


if __name__ == "__main__":
    main()
