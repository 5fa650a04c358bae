"""Measures PA ingest on a general-election-sized folder: `python -m bench.pa_bench`.

A folder of invented PA files like a general election night (650 results, 650
rushes, 100 state-of-parties revisions: 1,400 files) is read by the real
`PaFolderSource`; the same on 100 files shows what an update costs as the
folder grows. A probe task on the event loop records its longest stall while
the polls run (the board's loop must never freeze). Last, a real FTP server on
127.0.0.1 (pyftpdlib) counts the FTP commands of a poll when nothing changed, on an
account laid out as PA's (`nominations/` and `results/`, each with its `.timestamp`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from feeds.pa.folder import PaFolderSource
from feeds.pa.ftp import PASSWORD_ENV, PaFtpSource, commands_sent
from feeds.source import Changed
from sample_feeds import pa_write as pa

GE = "Bench General Election"
PARTIES = ("Lab", "C", "LD", "SNP", "Green", "Ind")


def _people(i: int) -> list[pa.Cand]:
    return [
        pa.Cand(f"First{i}", f"Surname{i}{n}", p, p, 20000 - 3000 * n, None, n == 0)
        for n, p in enumerate(PARTIES)
    ]


def write_night(folder: Path, seats: int, sops: int) -> int:
    """Write `seats` results and rushes and `sops` state-of-parties revisions; return the count."""
    folder.mkdir(parents=True)
    for i in range(seats):
        area = f"Seat {i:03d}"
        win, held = PARTIES[i % 3], PARTIES[(i + 1) % 3]
        rush = pa.fptp_rush(GE, area, _people(i), winning=win, sitting=held)
        result = pa.fptp_result(GE, area, _people(i), winning=win, sitting=held, electorate=70000)
        (folder / pa.file_name(GE, "rush", area, 1)).write_bytes(rush)
        (folder / pa.file_name(GE, "result", area, 1)).write_bytes(result)
    for revision in range(1, sops + 1):
        rows = [pa.Sop(p, p, seats=seats // 6, gains=3, losses=2, votes=10**6) for p in PARTIES]
        body = pa.fptp_sop(GE, rows, reported=seats, total=650, revision=revision)
        (folder / pa.file_name(GE, "SOP", "", revision)).write_bytes(body)
    (folder / ".timestamp").write_text(f"{time.time():.3f}")
    return 2 * seats + sops


class Probe:
    """The longest lateness of a 5 ms sleep on the event loop: its longest stall, per window."""

    def __init__(self) -> None:
        self.worst = 0.0

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            start = loop.time()
            await asyncio.sleep(0.005)
            self.worst = max(self.worst, loop.time() - start - 0.005)

    def take(self) -> float:
        """The longest stall since the last `take`."""
        worst, self.worst = self.worst, 0.0
        return worst


UPDATES = 15
"""New files landed one at a time after the first ingest (the median is printed)."""
RUNS = 3
"""Runs of each measurement (a loaded machine makes single runs noisy)."""


async def measure(folder: Path) -> dict[str, float]:
    """Ingest `folder`, then land `UPDATES` new results one by one, each read by one poll."""
    probe = Probe()
    task = asyncio.create_task(probe.run())
    await asyncio.sleep(0.02)
    source = PaFolderSource(folder, settle=0.0)
    reads: list[float] = []
    read = source.adapter.read

    def timed(documents: Any, now: Any) -> Any:
        start = time.perf_counter()
        try:
            return read(documents, now)
        finally:
            reads.append(time.perf_counter() - start)

    source.adapter.read = timed  # type: ignore[method-assign]
    probe.take()
    await asyncio.sleep(1.0)  # nothing to do: the machine's own noise
    floor = probe.take()
    start = time.perf_counter()
    first = await source.poll()
    ingest = time.perf_counter() - start
    assert isinstance(first, Changed), first
    figures = {"floor": floor, "ingest": ingest, "ingest stall": probe.take()}
    start = time.perf_counter()
    await source.poll()
    figures["idle"] = time.perf_counter() - start
    polls, reads[:] = [], []
    for n in range(UPDATES):
        area = f"Seat {n:03d}"
        body = pa.fptp_result(GE, area, _people(n), winning="C", sitting="Lab", revision=2)
        (folder / pa.file_name(GE, "result", area, 2)).write_bytes(body)
        (folder / ".timestamp").write_text(f"{time.time():.3f}")
        start = time.perf_counter()
        update = await source.poll()
        polls.append(time.perf_counter() - start)
        assert isinstance(update, Changed), update
        await asyncio.sleep(0.01)
    task.cancel()
    figures |= {"poll": statistics.median(polls), "read": statistics.median(reads),
                "update stall": probe.take()}  # fmt: skip
    return figures


def ftp_commands(folder: Path) -> int:
    """FTP commands of an idle poll of an account holding `folder` as `results/` and one
    council's nominations in `nominations/`."""
    import logging

    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler
    from pyftpdlib.servers import FTPServer

    logging.basicConfig(level=logging.WARNING)  # pyftpdlib logs every command unless told
    authorizer = DummyAuthorizer()
    account = folder.with_name(f"{folder.name}-account")
    shutil.copytree(folder, account / "results")
    (account / "nominations").mkdir()
    body = pa.local_nominations("Bench Council", {"Lab": ("Labour", 10)})
    (account / "nominations" / "Local_nominations_Bench_Council.xml").write_bytes(body)
    (account / "nominations" / ".timestamp").write_text(f"{time.time():.3f}")
    authorizer.add_user("bench", "bench-pass", str(account), perm="elr")
    handler = type("Handler", (FTPHandler,), {"authorizer": authorizer})
    server = FTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"timeout": 0.05}, daemon=True)
    thread.start()
    os.environ[PASSWORD_ENV] = "bench-pass"
    try:
        url = f"ftp://bench@127.0.0.1:{server.socket.getsockname()[1]}/"
        source = PaFtpSource(url, settle=0.0)

        async def polls() -> int:
            await source.poll()
            await source.poll()
            before = commands_sent()
            await source.poll()
            await source.aclose()
            return commands_sent() - before

        return asyncio.run(polls())
    finally:
        server.close_all()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; `--screen` adds a real board in a pty watching 1,400 files."""
    args = argv if argv is not None else sys.argv[1:]
    print("$ python -m bench.pa_bench" + (" --screen" if "--screen" in args else ""))
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        sizes = {small: write_night(small, 45, 10), large: write_night(large, 650, 100)}
        figures = {}
        for folder in (small, large):  # the median of RUNS runs of each figure (fresh copies)
            runs = []
            for n in range(RUNS):
                copy = folder.with_name(f"{folder.name}-{n}")
                shutil.copytree(folder, copy)
                runs.append(asyncio.run(measure(copy)))
            figures[folder] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"Each figure is the median of {RUNS} runs; a stall is the longest lateness of a "
              "5 ms sleep on the event loop.\n")  # fmt: skip
        print("| files | first full ingest | stall during it | idle poll | one new file: poll "
              "| of which the adapter's read | longest stall over the updates | stall with "
              "nothing to do |")  # fmt: skip
        print("|--:|--:|--:|--:|--:|--:|--:|--:|")
        for folder, f in figures.items():
            print(f"| {sizes[folder]:,} | {f['ingest']:.2f} s | {1000 * f['ingest stall']:.1f} ms "
                  f"| {1000 * f['idle']:.1f} ms | {1000 * f['poll']:.1f} ms "
                  f"| {1000 * f['read']:.2f} ms | {1000 * f['update stall']:.1f} ms "
                  f"| {1000 * f['floor']:.1f} ms |")  # fmt: skip
        folders = sizes[large] / sizes[small]
        print()
        for what, key in (("poll", "poll"), ("adapter's read", "read")):
            ratio = figures[large][key] / figures[small][key]
            print(f"- one new file: the {what} costs {ratio:.1f}x more in a folder {folders:.0f}x "
                  "larger")  # fmt: skip
        print(f"- FTP commands in a poll when nothing changed: {ftp_commands(small)} "
              "(TYPE I, PASV, RETR for each of nominations/ and results/ .timestamp)")  # fmt: skip
        if "--screen" in args:
            from bench.pa_screen import screen_latency

            screen_latency(large)
        print(f"- CPU: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
