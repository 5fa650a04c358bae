"""Provides the gallery benchmark: 200 boards' pollers on one feed, direct and through nginx.

Run from the repository root: `python -m bench.gallery_bench [--pollers 200] [--seconds 60]`.

The pollers are the board's own `HttpSource` (kept connection, conditional
GETs, first poll jittered over one interval, a User-Agent naming each), run
together in one process, each polling every `--interval` seconds; the
upstream is the real `serve-feed`, publishing a new document every
`--publish-every` seconds. Two runs, everything on 127.0.0.1:

- before (the baseline): direct, with the standard library's listen backlog
  of 5 and every poller starting at once, as serve-feed was;
- direct: every poller reads the upstream itself;
- nginx: every poller reads nginx configured by `deploy/nginx/render.py`
  (cache interval `--cache` seconds), and only nginx reads the upstream.

For each it prints the upstream's requests per second, how late the pollers
saw each new document (freshness lag, from publication to a poller's
`Changed`, p50/p95), failed polls (and refused connections among them), and
connections opened per poller per minute (counted by the server: serve-feed's
accepts, or nginx's connection numbers in its access log).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.nginx import Nginx
from feeds.publish import Published
from feeds.server import FeedServer
from feeds.source import Changed, Failed
from feeds.sources.http import HttpSource
from sample_feeds.factory import encode, small_document

__all__ = ["Run", "main", "run"]


class CountingServer(FeedServer):
    """serve-feed noting each request for the document, and when each sequence went up."""

    def __init__(self, documents: list[bytes]) -> None:
        super().__init__(documents, manual=True)
        self.requests = 0
        self.published: dict[int, float] = {1: time.monotonic()}

    def current(self) -> Published:
        self.requests += 1
        return super().current()

    def publish_next(self) -> None:
        self.next()
        sequence = self.status()["sequence"]
        self.published.setdefault(int(sequence), time.monotonic())


@dataclass
class Run:
    """What one run measured."""

    name: str
    pollers: int
    seconds: float
    upstream_requests: int
    polls: int = 0
    failures: int = 0
    refused: int = 0
    lags: list[float] = field(default_factory=list)
    connections: int = 0
    client_cpu: float = 0.0

    def row(self) -> str:
        per_second = self.upstream_requests / self.seconds
        lags = sorted(self.lags) or [float("nan")]
        p95 = lags[min(len(lags) - 1, int(0.95 * len(lags)))]
        per_minute = self.connections / self.pollers / (self.seconds / 60)
        again = max(0, self.connections - self.pollers) / self.pollers / (self.seconds / 60)
        return (
            f"| {self.name} | {self.pollers} | {per_second:.2f} | {self.polls / self.seconds:.0f} "
            f"| {statistics.median(lags):.2f} / {p95:.2f} | {self.failures} | {self.refused} "
            f"| {per_minute:.2f} ({again:.2f}) | {self.client_cpu:.0f} |"
        )


HEADER = (
    "| run | pollers | upstream req/s | poller req/s | freshness lag p50 / p95 (s) "
    "| failed polls | refused | connections per poller per minute (after the first) "
    "| pollers' CPU (%) |\n"
    "|:--|--:|--:|--:|--:|--:|--:|--:|--:|"
)


async def _poll(source: HttpSource, interval: float, stop: float, result: Run) -> None:
    while time.monotonic() < stop:
        outcome = await source.poll()
        result.polls += 1
        if isinstance(outcome, Changed) and outcome.snapshot.feed.sequence > 1:
            # The first document was up before the run: only those published during it count.
            seen = time.monotonic()
            result.lags.append(seen - UPSTREAM.published[outcome.snapshot.feed.sequence])
        elif isinstance(outcome, Failed):
            result.failures += 1
            result.refused += outcome.error.summary == "connection refused"
        await asyncio.sleep(source.next_delay(interval))


UPSTREAM: CountingServer


async def run(
    name: str, url: str, args: argparse.Namespace, upstream: CountingServer, jitter: bool = True
) -> Run:
    """`args.pollers` pollers on `url` for `args.seconds`, the upstream publishing meanwhile."""
    global UPSTREAM
    UPSTREAM = upstream
    result = Run(name, args.pollers, args.seconds, 0)
    sources = [
        HttpSource(
            url,
            deadline=10.0,
            client_id=f"bench-{n}",
            start_jitter=args.interval if jitter else 0.0,
        )
        for n in range(args.pollers)
    ]
    me = psutil.Process()
    cpu0 = sum(me.cpu_times()[:2])
    requests0, start = upstream.requests, time.monotonic()
    stop = start + args.seconds
    tasks = [asyncio.create_task(_poll(s, args.interval, stop, result)) for s in sources]
    next_publication = start + args.publish_every
    while time.monotonic() < stop:
        await asyncio.sleep(max(0.0, min(next_publication, stop) - time.monotonic()))
        if time.monotonic() >= next_publication:
            upstream.publish_next()
            next_publication += args.publish_every
    await asyncio.gather(*tasks)
    result.seconds = time.monotonic() - start
    result.upstream_requests = upstream.requests - requests0
    result.client_cpu = (sum(me.cpu_times()[:2]) - cpu0) / result.seconds * 100
    await asyncio.gather(*(s.aclose() for s in sources))
    return result


def _documents(args: argparse.Namespace) -> list[bytes]:
    count = int(args.seconds / args.publish_every) + 3
    return [encode(small_document(n)) for n in range(1, count)]


async def _main(args: argparse.Namespace) -> list[Run]:
    runs = []
    if args.baseline:
        with CountingServer(_documents(args)) as upstream:
            upstream.http._httpd.socket.listen(5)  # the standard library's backlog, as before
            name = "before: direct, backlog 5, no jitter"
            runs.append(await run(name, upstream.url, args, upstream, jitter=False))
            runs[-1].connections = upstream.http.connections
    with CountingServer(_documents(args)) as upstream:
        runs.append(await run("direct to serve-feed", upstream.url, args, upstream))
        runs[-1].connections = upstream.http.connections
    with (
        CountingServer(_documents(args)) as upstream,
        tempfile.TemporaryDirectory(prefix="rb-nginx-") as folder,
        Nginx(Path(folder), upstream.url, cache_seconds=args.cache) as nginx,
    ):
        runs.append(await run(f"through nginx ({args.cache} s cache)", nginx.url, args, upstream))
        hits = [hit for hit in nginx.access() if hit.agent.startswith("results-board/")]
        runs[-1].connections = len({(hit.agent, hit.connection) for hit in hits})
    return runs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gallery_bench", description=__doc__)
    parser.add_argument("--pollers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--interval", type=float, default=1.0, help="each poller's (1 s)")
    parser.add_argument("--cache", type=int, default=1, help="nginx's cache interval (1 s)")
    parser.add_argument("--publish-every", type=float, default=5.0, help="upstream (5 s)")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="skip the run with the standard library's backlog of 5 and no jitter",
    )
    args = parser.parse_args(argv)
    runs = asyncio.run(_main(args))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    command = (
        f"python -m bench.gallery_bench --pollers {args.pollers} --seconds {args.seconds:g} "
        f"--interval {args.interval:g} --cache {args.cache}"
    )
    print(f"`{command}` — load average at the end: {load}\n")
    print(HEADER)
    for each in runs:
        print(each.row())
    print(
        f"\nTarget for the lag p95: cache {args.cache} s + poll {args.interval:g} s + 1 s "
        f"= {args.cache + args.interval + 1:g} s."
    )


if __name__ == "__main__":
    main()
