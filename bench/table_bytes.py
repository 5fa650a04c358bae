"""Provides a benchmark of the bytes written to a terminal when one party's figures change.

Run `python -m bench.table_bytes` from the repository root. Each program runs in
a real pseudo-terminal (120×40, then 200×60) showing the 2016 seed table; once
its first paint has gone quiet the benchmark presses `u`, which changes one
party's figures (Labour 1005 → 1010 seats, -28 → -23), and counts the bytes
written until the terminal goes quiet again. Programs:

- `table`: `widgets.PartyTable` (one widget per row), plus the bytes of the
  flash ending `FLASH_SECONDS` later;
- `table-reorder`: the same table when the change also reorders rows
  (Conservatives overtake Labour on councils);
- `datatable`: Textual's `DataTable` with the same rows and two `update_cell` calls.

The screen is replayed through `pyte` to check the new figure is really shown.
Target (issue 5): one party's change ≤ 1,000 bytes at 120×40.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from textual.binding import BindingType

__all__ = ["main", "measure"]

FLASH_SECONDS = 2.0
"""The table's flash in the benchmark: long enough to separate the change from its end."""
QUIET = 0.6
"""Seconds without output that count as "done drawing"."""
SIZES = ((120, 40), (200, 60))
MODES = ("table", "table-reorder", "datatable")
TARGET = 1_000
DATATABLE_COLUMNS = (
    ("name", "Party"),
    ("councils", "Councils"),
    ("councils_change", "+/-"),
    ("seats", "Seats"),
    ("seats_change", "+/-"),
)


def _seed() -> list[object]:
    from sample_feeds.factory import SEED, SEED_NOC
    from widgets import PartyLine

    noc = PartyLine("NOC", "No Overall Control", None, *SEED_NOC, None, None, pinned_last=True)
    return [*(PartyLine(*row) for row in SEED), noc]


def _child(mode: str) -> None:
    """The program under test: a minimal app showing the table; `u` makes the change."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from widgets import PartyLine, PartyTable

    seed: list[PartyLine] = _seed()  # type: ignore[assignment]
    if mode == "table-reorder":
        change = {"CON": {"councils": 50, "councils_change": 24}}
    else:
        change = {"LAB": {"seats": 1010, "seats_change": -23}}
    changed = [dataclasses.replace(p, **change.get(p.key, {})) for p in seed]  # type: ignore[arg-type]

    class TableBench(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [("u", "change", "Change"), ("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            if mode == "datatable":
                yield DataTable[object]()
            else:
                yield PartyTable(flash_seconds=FLASH_SECONDS)

        def on_mount(self) -> None:
            if mode != "datatable":
                self.query_one(PartyTable).update_lines(seed)
                return
            table = self.query_one(DataTable)
            for key, title in DATATABLE_COLUMNS:
                table.add_column(title, key=key)
            for p in seed:
                cells = [Text(p.name), p.councils, p.councils_change, p.seats, p.seats_change]
                table.add_row(*[("—" if c is None else c) for c in cells], key=p.key)

        def action_change(self) -> None:
            if mode != "datatable":
                self.query_one(PartyTable).update_lines(changed)
                return
            table = self.query_one(DataTable)
            for key, values in change.items():
                for column, value in values.items():
                    table.update_cell(key, column, value)

    TableBench().run()


@dataclasses.dataclass
class Result:
    """What one program wrote, in bytes, and whether the screen showed the change."""

    mode: str
    size: tuple[int, int]
    first_paint: int
    change: int
    flash_end: int
    shown: bool


def measure(mode: str, size: tuple[int, int]) -> Result:
    """Run one program in a pseudo-terminal of `size` and count its bytes."""
    from bench.terminal import PtyProgram  # not in the child

    command = [sys.executable, "-m", "bench.table_bytes", "--child", mode]
    with PtyProgram(command, size=size) as pty:
        pty.wait_quiet(QUIET, 20, since=pty.started)
        first = pty.total()
        pressed = time.monotonic()
        pty.send(b"u")
        pty.wait_quiet(QUIET, 10, since=pressed)
        change = pty.total() - first
        text = pty.text()
        shown = ("1010" in text) if mode != "table-reorder" else _con_first(text.split("\n"))
        flash_end = 0
        if mode.startswith("table"):
            flashed = time.monotonic()
            pty.wait_quiet(QUIET, FLASH_SECONDS + 5, since=flashed)
            flash_end = pty.total() - first - change
        pty.send(b"q")
        pty.wait_quiet(0.3, 5)
    return Result(mode, size, first, change, flash_end, shown)


def _con_first(display: list[str]) -> bool:
    rows = [line for line in display if "Labour" in line or "Conservative" in line]
    return bool(rows) and "Conservative" in rows[0]


def main() -> None:
    """Measure every program at every size and print a table."""
    print("bytes written to a pseudo-terminal when one party's figures change")
    print(f"{'size':>8}  {'program':<14} {'1st paint':>9} {'change':>7} {'flash end':>9}  shown")
    results: dict[tuple[str, tuple[int, int]], Result] = {}
    for size in SIZES:
        for mode in MODES:
            r = results[mode, size] = measure(mode, size)
            flash = f"{r.flash_end:>9,}" if mode.startswith("table") else f"{'–':>9}"
            print(
                f"{size[0]:>4}×{size[1]:<3}  {mode:<14} {r.first_paint:>9,} {r.change:>7,} "
                f"{flash}  {'yes' if r.shown else 'NO'}"
            )
    print()
    for size in SIZES:
        table, datatable = results["table", size], results["datatable", size]
        ratio = datatable.change / table.change if table.change else float("inf")
        verdict = "meets" if table.change <= TARGET else "MISSES"
        print(
            f"{size[0]}×{size[1]}: one party's change: PartyTable {table.change:,} B, "
            f"DataTable {datatable.change:,} B ({ratio:.1f}× more)"
            + (f"; target ≤ {TARGET:,} B: {verdict}" if size == (120, 40) else "")
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        main()
