"""Provides the Rich Live baseline: the thirty-line board a data desk would write instead.

`python -m bench.baselines.rich_live URL [--interval S]`: poll with httpx,
rebuild a `rich.table.Table` from each document, let `rich.live.Live` redraw
it four times a second, with a scrolling ticker line under it.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from typing import Any

import httpx
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.live import Live
from rich.table import Table
from rich.text import Text

__all__ = ["Board", "main"]


class Board:
    """The latest document as a table and a ticker scrolling eight cells a second."""

    def __init__(self) -> None:
        self.doc: dict[str, Any] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        contest = (self.doc.get("contests") or [{}])[0]
        table = Table(
            title=f"{self.doc.get('title', '…')} — {contest.get('reported', 0)} of "
            f"{contest.get('total', 0)} declared",
            expand=True,
        )
        for column in ("Party", "Councils", "+/-", "Seats", "+/-"):
            table.add_column(column, justify="left" if column == "Party" else "right")
        for p in contest.get("parties", []):
            figures = (p.get(k) for k in ("councils", "councils_change", "seats", "seats_change"))
            table.add_row(Text(p["name"]), *("—" if v is None else str(v) for v in figures))
        items = [u.get("text", "") for u in self.doc.get("updates", [])] or ["no updates yet"]
        tape = "  ◆  ".join(items) + "  ◆  "
        start = int(time.monotonic() * 8) % len(tape)
        line = (tape * (2 + options.max_width // len(tape)))[start : start + options.max_width]
        yield Group(table, Text(line))


def main() -> None:
    """Poll the feed every `--interval` seconds until interrupted."""
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--interval", type=float, default=5.0)
    args = parser.parse_args()
    board = Board()
    with httpx.Client(timeout=10) as client, Live(board, refresh_per_second=4, screen=False):
        while True:
            with contextlib.suppress(httpx.HTTPError, ValueError):
                board.doc = client.get(args.url).json()
            time.sleep(args.interval)


if __name__ == "__main__":
    main()
