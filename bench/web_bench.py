"""Provides the serve-web benchmark: what a browser viewer costs, and how fast 50 get a board.

Run from the repository root: `python -m bench.web_bench [--viewers 1 10 50] [--seconds 20]`.

A live feed (`serve-feed` playing the bundled night with `--loop`, a new
document every second or two) is relayed by one real `results-board
serve-web` on 127.0.0.1. Viewers are WebSocket clients speaking textual-serve's
protocol as the page does (a browser would only add its own cost, on the
viewer's machine). For each count of viewers, connected all at once:

- time to first frame: from connecting to the first bytes of the board's
  status chip ("LIVE") — the 1st, median and last viewer;
- steady state over `--seconds`: CPU per viewer (board processes, plus
  serve-web's and the zygote's share) and memory per viewer (the boards' and
  the zygote's RSS, and PSS, which counts pages shared with the zygote once);
- the baseline: the largest count again with `--no-fork` (a new process per
  board, as before boards were forked from a warm zygote);
- with animations on and off (serve-web's default is off), at the middle count,
  on the night's last document held still (the ticker full, nothing else moving).

From the steady CPU per viewer it estimates how many viewers two cores hold
(at 70 % use, leaving room for the relay, nginx and bursts).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parent.parent
CORES_USABLE = 2 * 0.7
"""Two cores at 70 %: what a machine can give viewers and still take a burst."""


@dataclass
class Round:
    """One count of viewers."""

    viewers: int
    feed: str
    """"live" (the night playing, a change every second or two) or "held" (its last document)."""
    animations: bool
    first_frames: list[float]
    failed: int
    cpu_per_viewer: float
    """Percent of one core."""
    rss_mb: float
    pss_mb: float
    bytes_per_second: float
    """WebSocket bytes sent to each viewer, per second."""


def _start(command: list[str], marker: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    for line in process.stdout:
        if marker in line:
            url = next(word for word in line.split() if word.startswith("http://"))
            return process, url
        if time.monotonic() > deadline:
            break
    process.kill()
    raise RuntimeError(f"{command[3]} did not start")


def _boards(server: subprocess.Popen[str]) -> tuple[list[psutil.Process], list[psutil.Process]]:
    """The viewers' boards (forked by the zygote, or started to `watch`), and the zygote.

    A forked board has the zygote's command line: the zygote is serve-web's child, the
    boards are the zygote's.
    """
    boards, zygote = [], []
    for child in psutil.Process(server.pid).children():
        try:
            if "board.webspawn" in child.cmdline():
                zygote.append(child)
                boards.extend(child.children())
            elif "watch" in child.cmdline():
                boards.append(child)
        except psutil.NoSuchProcess:
            continue
    return boards, zygote


async def _viewer(url: str, first: list[float], wire: list[int], stop: asyncio.Event) -> None:
    ws_url = "ws" + url.removeprefix("http") + "/ws?width=120&height=40"
    started = time.monotonic()
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as socket:
        seen = b""
        while not stop.is_set():
            try:
                message = await asyncio.wait_for(socket.receive(), 0.5)
            except TimeoutError:
                continue
            if message.type != aiohttp.WSMsgType.BINARY:
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    return
                continue
            wire[0] += len(message.data)
            if not first:
                if b"LIVE" in seen + message.data:
                    first.append(time.monotonic() - started)
                seen = message.data[-8:]


def _cpu(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def _memory(processes: list[psutil.Process]) -> tuple[float, float]:
    rss = pss = 0.0
    for process in processes:
        try:
            info = process.memory_full_info()
        except psutil.NoSuchProcess:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss / 2**20, pss / 2**20


async def measure(
    feed_url: str,
    viewers: int,
    seconds: float,
    animations: bool,
    feed: str = "live",
    fork: bool = True,
) -> Round:
    """Start serve-web, connect `viewers` at once, measure first frames and the steady state."""
    command = [sys.executable, "-m", "board", "serve-web", "--port", "0"]
    command += ["--max-viewers", str(viewers + 5), *(["--animations"] if animations else [])]
    command += [] if fork else ["--no-fork"]
    server, url = _start([*command, "--", feed_url, "--interval", "2"], "serving the board at")
    try:
        stop = asyncio.Event()
        firsts: list[list[float]] = [[] for _ in range(viewers)]
        wire = [0]
        tasks = [asyncio.create_task(_viewer(url, firsts[n], wire, stop)) for n in range(viewers)]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(firsts):
            await asyncio.sleep(0.2)
        await asyncio.sleep(3)  # past the start-up burst
        board_processes, zygote = _boards(server)
        boards = len(board_processes)
        watched = [psutil.Process(server.pid), *zygote, *board_processes]
        cpu_before, t0, wire_before = _cpu(watched), time.monotonic(), wire[0]
        await asyncio.sleep(seconds)
        elapsed = time.monotonic() - t0
        cpu = (_cpu(watched) - cpu_before) / elapsed * 100
        wire_rate = (wire[0] - wire_before) / elapsed / viewers
        rss, pss = _memory([*zygote, *board_processes])
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        first_frames = sorted(first[0] for first in firsts if first)
        return Round(
            viewers,
            feed if fork else f"{feed}, --no-fork",
            animations,
            first_frames,
            viewers - len(first_frames),
            cpu / max(1, boards),
            rss / max(1, boards),
            pss / max(1, boards),
            wire_rate,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(rounds: list[Round]) -> str:
    """The rounds as a Markdown table and the capacity estimate."""
    lines = [
        "| viewers | feed | animations | first frame: 1st / median / last (s) | no frame | "
        "CPU per viewer (% of a core) | RSS per viewer (MB) | PSS per viewer (MB) "
        "| to each viewer (B/s) |",
        "|--:|:--|:--|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rounds:
        frames = r.first_frames or [float("nan")]
        lines.append(
            f"| {r.viewers} | {r.feed} | {'on' if r.animations else 'off'} | "
            f"{frames[0]:.1f} / {statistics.median(frames):.1f} / {frames[-1]:.1f} | "
            f"{r.failed} | {r.cpu_per_viewer:.2f} | {r.rss_mb:.0f} | {r.pss_mb:.0f} "
            f"| {r.bytes_per_second:,.0f} |"
        )
    steady = [r for r in rounds if not r.animations and r.feed == "live"]  # forked, live
    worst = max(r.cpu_per_viewer for r in steady) if steady else 0
    memory = max(r.pss_mb for r in steady) if steady else 0
    if worst > 0:
        by_cpu = int(CORES_USABLE * 100 / worst)
        by_memory = int(24 * 1024 * 0.7 / max(memory, 1))
        lines.append("")
        lines.append(
            f"Two cores at 70 % hold about {min(by_cpu, by_memory)} viewers in steady state "
            f"(CPU: {by_cpu} at {worst:.2f} % each; memory: {by_memory} at {memory:.0f} MB PSS "
            "each of 24 GB at 70 %)."
        )
    return "\n".join(lines)


async def _main(args: argparse.Namespace) -> None:
    from feeds.recording import read_recording
    from sample_feeds import default_recording

    feed = [sys.executable, "-m", "board", "serve-feed", "--port", "0"]
    server, feed_url = _start([*feed, "--speed", "300", "--loop"], "serving ")
    last = str(len(read_recording(default_recording())) - 1)
    held, held_url = _start([*feed, "--manual", "--start", last], "serving ")
    try:
        rounds = []
        for count in args.viewers:
            rounds.append(await measure(feed_url, count, args.seconds, animations=False))
            print(report(rounds[-1:]).splitlines()[-1], flush=True)
        most = max(args.viewers)
        if args.baseline:  # the same crowd with a new process per board, as before the zygote
            rounds.append(await measure(feed_url, most, args.seconds, False, fork=False))
        middle = sorted(args.viewers)[len(args.viewers) // 2]
        # Animations on and off on the same held document (the night's last, with its ticker):
        # a live feed's changes differ from one window to the next and would blur the difference.
        for animations in (False, True):
            rounds.append(await measure(held_url, middle, args.seconds, animations, "held"))
    finally:
        for process in (server, held):
            process.terminate()
            process.wait(timeout=30)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print()
    print(
        f"`python -m bench.web_bench --viewers {' '.join(map(str, args.viewers))} "
        f"--seconds {args.seconds:g}` — load average at the end: {load}"
    )
    print()
    print(report(rounds))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.web_bench", description=__doc__)
    parser.add_argument("--viewers", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=20.0, help="steady window (20)")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="skip the round with --no-fork (a new process per board)",
    )
    asyncio.run(_main(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
