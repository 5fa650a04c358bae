"""Provides `write_report`: the benchmark's table, its targets with PASS/FAIL, and `results.md`."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from bench.harness import percentile
from bench.terminal import ROOT

if TYPE_CHECKING:
    from bench.replay_memory import Memory
    from bench.run import Measured
    from bench.slow_link import SlowLink

__all__ = ["write_report"]

INTERVAL_MS = 1000


def _fmt(value: float, spec: str) -> str:
    return "–" if value != value else format(value, spec)  # NaN → dash


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _rows(results: list[Measured], size: tuple[int, int]) -> list[str]:
    at = [r for r in results if r.size == size]
    head = f"| {size[0]}×{size[1]} | " + " | ".join(r.program for r in at) + " |"
    lines = [head, "|:--|" + "--:|" * len(at)]

    def row(label: str, cell: object) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in at) + " |")  # type: ignore[operator]

    row("first byte (s)", lambda r: _fmt(r.first_byte, ".2f"))
    row("fully drawn (s)", lambda r: _fmt(r.drawn, ".2f"))
    row("steady output (B/s)", lambda r: _fmt(r.steady_bps, ",.0f"))
    row("CPU steady (% of a core)", lambda r: _fmt(r.cpu, ".1f"))
    row("RSS (MB)", lambda r: _fmt(r.rss_mb, ".0f"))
    row("one-party update (B, median)", lambda r: _fmt(_median(r.update_bytes), ",.0f"))
    row("one-party update (B, p90)", lambda r: _fmt(percentile(r.update_bytes, 90), ",.0f"))
    row("latency p50 (ms)", lambda r: _fmt(1000 * percentile(r.latencies, 50), ".0f"))
    row("latency p95 (ms)", lambda r: _fmt(1000 * percentile(r.latencies, 95), ".0f"))
    row("updates shown / published", lambda r: f"{len(r.latencies)}/{len(r.latencies) + r.missed}")
    return lines


def _find(results: list[Measured], program: str, size: tuple[int, int] = (120, 40)) -> Measured:
    return next(r for r in results if r.program == program and r.size == size)


def _lateness(slow: SlowLink) -> list[float]:
    """Each poll's lateness: the gap between two requests minus the interval (ms, ≥ 0)."""
    return [max(0.0, 1000 * gap - INTERVAL_MS) for gap in slow.gaps]


def _targets(results: list[Measured], memory: Memory, slow: list[SlowLink]) -> list[str]:
    board, off = _find(results, "board"), _find(results, "board, animations off")
    rich = _find(results, "Rich Live")
    ratio = rich.steady_bps / board.steady_bps if board.steady_bps else float("nan")
    update = _median(board.update_bytes)
    p95 = 1000 * percentile(board.latencies, 95)
    throttled = next((s for s in slow if s.program == "board" and s.throttle), None)
    late = percentile(_lateness(throttled), 95) if throttled else float("nan")
    growth = memory.end_mb - memory.first_mb
    checks = [
        ("steady output at 120×40, scrolling", "≤ 2,000 B/s", board.steady_bps <= 2000,
         f"{_fmt(board.steady_bps, ',.0f')} B/s"),
        ("Rich Live ÷ board, steady output", "≥ 10×", ratio >= 10, f"{_fmt(ratio, '.1f')}×"),
        ("one party's update (median)", "≤ 1,000 B", update <= 1000, f"{_fmt(update, ',.0f')} B"),
        ("CPU, scrolling", "≤ 3 %", board.cpu <= 3, f"{_fmt(board.cpu, '.1f')} %"),
        ("CPU, animations off", "≤ 0.5 %", off.cpu <= 0.5, f"{_fmt(off.cpu, '.2f')} %"),
        ("first fully drawn", "≤ 0.6 s", board.drawn <= 0.6, f"{_fmt(board.drawn, '.2f')} s"),
        ("update latency p95 (interval 1 s)", "≤ 1,100 ms", p95 <= INTERVAL_MS + 100,
         f"{_fmt(p95, '.0f')} ms"),
        ("poll lateness p95 at 16 KB/s (server side)", "≤ 250 ms", late <= 250,
         f"{_fmt(late, '.0f')} ms"),
        (f"memory growth over {memory.snapshots:,} snapshots", "≤ 10 MB", growth <= 10,
         f"{_fmt(growth, '.1f')} MB"),
    ]  # fmt: skip
    for name in ("board, 5 s interval", "board, animations off, 5 s interval"):
        at5 = [r for r in results if r.program == name]
        if at5:
            limit = 0.5 if "off" in name else 3.0
            checks.append((f"CPU, {name.removeprefix('board, ')}", f"≤ {limit:g} %",
                           at5[0].cpu <= limit, f"{_fmt(at5[0].cpu, '.2f')} %"))  # fmt: skip
    lines = ["| target | goal | measured | |", "|:--|:--|--:|:--|"]
    for name, goal, ok, measured in checks:
        lines.append(f"| {name} | {goal} | {measured} | {'PASS' if ok else '**FAIL**'} |")
    return lines


def _memory(memory: Memory) -> list[str]:
    return [
        f"Long replay: {memory.snapshots:,} synthetic snapshots (`results-board replay FILE "
        f"--speed 100`, `r` typed 100×/s to poll faster than the replay's 1 s interval): reached "
        f"snapshot {memory.reached:,} in {_fmt(memory.seconds, '.0f')} s. RSS at first draw "
        f"{_fmt(memory.first_mb, '.1f')} MB, peak {_fmt(memory.peak_mb, '.1f')} MB, end "
        f"{_fmt(memory.end_mb, '.1f')} MB.",
    ]


def _slow(slow: list[SlowLink]) -> list[str]:
    lines = [
        "| program | link | output (B/s) | polls | lateness p50 / p95 / max (ms) "
        "| update latency p50 / p95 (ms) | board's own poll lateness p95 / max (ms) |",
        "|:--|:--|--:|--:|--:|--:|--:|",
    ]
    for s in slow:
        late = _lateness(s)
        link = f"{s.throttle / 1024:.0f} KB/s" if s.throttle else "unthrottled"
        lateness = " / ".join(_fmt(percentile(late, q), ".0f") for q in (50, 95, 100))
        latency = " / ".join(_fmt(1000 * percentile(s.latencies, q), ".0f") for q in (50, 95))
        own = "not logged"
        if s.board_lateness is not None:
            own = " / ".join(_fmt(1000 * percentile(s.board_lateness, q), ".0f") for q in (95, 100))
        lines.append(
            f"| {s.program} | {link} | {_fmt(s.bps, ',.0f')} | {len(s.gaps)} | {lateness} "
            f"| {latency} | {own} |"
        )
    return lines


def _machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for name in ("textual", "rich", "httpx", "pydantic", "pyte", "psutil"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (missing)")
    watch = _output(["watch", "--version"]) or "(not installed)"
    commit = _output(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]) or "?"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- load average at the end (1, 5, 15 min): {load} — other work on the machine "
        "makes startup times noisy (they are medians of several starts)",
        f"- date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; commit {commit}",
        f"- machine: {cpu}, {os.cpu_count()} cores; {platform.platform()}",
        f"- Python {platform.python_version()}; " + ", ".join(versions) + f"; {watch}",
    ]


def _output(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return ""
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""


def write_report(
    results: list[Measured],
    memory: Memory,
    slow: list[SlowLink],
    quick: bool,
    seconds: float,
    out: Path,
) -> str:
    """Write the results as Markdown to `out`; return the text."""
    from bench.feeddocs import FeedDocs

    mode = "quick (`--quick`: short windows)" if quick else "full"
    lines = [
        "# Benchmark results: the board on the wire and on the CPU",
        "",
        f"Generated by `python -m bench.run{' --quick' if quick else ''}` ({mode}, "
        f"{seconds / 60:.1f} min). Rerun: `pip install -e '.[bench]'` (and procps for `watch`), "
        "then `python -m bench.run` from the repository root.",
        "",
        *_machine(),
        f"- feed: {FeedDocs().source}; every program polls every 1 s; pseudo-terminal read "
        "by pyte.",
        "",
        "## Targets (issue 5)",
        "",
        *_targets(results, memory, slow),
        "",
        "## All programs",
        "",
        *_rows(results, (120, 40)),
        "",
        *_rows(results, (200, 60)),
        "",
        "Steady: the final document held, ticker scrolling (paging with animations off), "
        "after a warm-up. One-party update: bytes from the publish until 0.3 s after the new "
        "figure showed, minus the steady rate over that window. Latency: publish (at a random "
        "moment between polls) → figure on screen. CPU includes waited-for children "
        "(`watch`'s snapshots).",
        "",
        "## Memory",
        "",
        *_memory(memory),
        "",
        "## Slow link (pty read at 16 KB/s)",
        "",
        *_slow(slow),
        "",
        "Lateness is measured at the server: the gap between two feed requests minus the "
        "1 s interval (it includes the request itself, a few ms). The board's own figure comes "
        "from `RESULTS_BOARD_POLL_LOG=path` (one `scheduled,actual` line per poll, written by "
        "the board); Rich Live keeps no such log.",
        "",
    ]
    text = "\n".join(lines)
    out.write_text(text + _kept_sections(out))
    return text


KEPT = "<!-- Sections below come from other benchmarks; bench.run keeps them as they are. -->"
"""The line after which `results.md` holds other benchmarks' sections (gallery, serve-web…)."""


def _kept_sections(out: Path) -> str:
    """What follows `KEPT` in the `out` being replaced, marker included, or nothing."""
    try:
        previous = out.read_text()
    except OSError:
        return ""
    at = previous.find(KEPT)
    return "" if at < 0 else "\n" + previous[at:]
