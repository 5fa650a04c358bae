"""Provides the ticker's cost benchmark: bytes to the terminal and CPU, scrolling vs paging.

Run from the repository root:

    python -m bench.ticker_bytes [--seconds 10] [--warmup 3] [--truecolor]

Each case starts a small app (a screen of static text with the ticker on the
bottom line) in a real pseudo-terminal of a fixed size, reads the terminal
continuously, and after a warm-up measures for `--seconds`: bytes written per
second, bytes per ticker frame (a frame is one cursor move to the ticker's
row) and CPU as a percentage of one core, from the child's own accounting
(`psutil`). Cases: 120×40 and 200×60, each scrolling at 8 cells/s one cell a
frame and two cells a frame, and with ``TEXTUAL_ANIMATIONS=none`` (paging).
The terminal is ``TERM=xterm-256color`` without ``COLORTERM``, as over plain
SSH (which does not forward ``COLORTERM``); ``--truecolor`` sets
``COLORTERM=truecolor``, whose colour codes are longer. The last screen of the
first case is printed, read back with `pyte`.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass

__all__ = ["Result", "main", "measure"]

QUOTES = [
    ("q1", "hung on", "Jeremy Corbyn", None, None),
    ("q2", "We lost Dudley by a whisker.", "Pete Lowe", "Dudley Labour group leader", "BBC"),
    ("q3", "A good night for us in the south.", "Tim Farron", "Lib Dem leader", None),
]
NEWS = [
    ("n1", "Worcester: CON lose to NOC"),
    ("n2", "Turnout in Sunderland 31.5%, down 2 points on 2012"),
    ("n3", "Recount under way in Bury — [@click=app.quit]literal[/] text stays literal"),
    ("n4", "選挙結果 🗳️ wide characters scroll too"),
]


@dataclass(frozen=True)
class Result:
    """One measured case."""

    size: tuple[int, int]
    """Terminal columns and rows."""
    animations: str
    """The TEXTUAL_ANIMATIONS value the child ran with."""
    cells_per_frame: int
    """How many cells the ticker moved each frame."""
    bytes_per_second: float
    """Bytes the child wrote to the terminal per second, after the warm-up."""
    frames_per_second: float
    """Ticker frames (cursor moves to the ticker row) per second."""
    cpu_percent: float
    """User plus system CPU time of the child (and its children), as a percentage of one core."""
    screen: list[str]
    """The terminal's text at the end, as `pyte` reads it."""

    @property
    def bytes_per_frame(self) -> float:
        """Bytes per ticker frame (0 when nothing moved)."""
        return self.bytes_per_second / self.frames_per_second if self.frames_per_second else 0.0


def run_child(cells_per_frame: int) -> None:
    """The measured app: a screen of static text with the ticker on the bottom line."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from widgets.ticker import Ticker, TickerItem

    class TickerBench(App[None]):
        CSS = "Ticker { dock: bottom; } #body { height: 1fr; }"
        BINDINGS = [("q", "quit", "Quit"), ("p", "pause", "Pause")]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            yield Static("Local elections 2016 — ticker benchmark", markup=False)
            rows = [f"{'Party ' + str(n):<20}{n * 7:>8}{n - 4:>+6}{n * 31:>8}" for n in range(30)]
            yield Static("\n".join(rows), markup=False, id="body")
            yield Ticker(cells_per_frame=cells_per_frame)

        def on_mount(self) -> None:
            items = [TickerItem.quote(*quote) for quote in QUOTES]
            items += [TickerItem.news(key, text) for key, text in NEWS]
            self.query_one(Ticker).add_items(items)

        def action_pause(self) -> None:
            self.query_one(Ticker).action_toggle_pause()

    TickerBench().run()


def measure(
    size: tuple[int, int],
    animations: str,
    cells_per_frame: int,
    seconds: float,
    warmup: float,
    colorterm: str = "",
) -> Result:
    """Run the child app in a pseudo-terminal of `size` and measure it."""
    from bench.terminal import PtyProgram  # not in the child

    command = [sys.executable, "-m", "bench.ticker_bytes", "--child", str(cells_per_frame)]
    env = {"TEXTUAL_ANIMATIONS": animations, "COLORTERM": colorterm}
    frame_marker = f"\x1b[{size[1]};1H".encode()
    with PtyProgram(command, size=size, env=env) as pty:
        time.sleep(warmup)  # the measured window starts after start-up and the first frames
        before = pty.cpu()
        time.sleep(seconds)  # the measurement window itself
        after = pty.cpu()
        data = pty.output.output_between(before.at, after.at)
        elapsed = after.at - before.at
        pty.send(b"q")
        pty.wait_quiet(0.5, 5)
        screen = pty.text().split("\n")
    return Result(
        size=size,
        animations=animations,
        cells_per_frame=cells_per_frame,
        bytes_per_second=len(data) / elapsed,
        frames_per_second=data.count(frame_marker) / elapsed,
        cpu_percent=after.percent_since(before),
        screen=screen,
    )


def main(argv: list[str] | None = None) -> None:
    """Measure every case and print a table and the ticker line at 120 columns."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measured time per case")
    parser.add_argument("--warmup", type=float, default=3.0, help="time before measuring")
    parser.add_argument("--truecolor", action="store_true", help="set COLORTERM=truecolor")
    parser.add_argument("--child", type=int, metavar="CELLS_PER_FRAME", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        run_child(args.child)
        return
    colorterm = "truecolor" if args.truecolor else ""
    print(f"TERM=xterm-256color COLORTERM={colorterm!r}; {args.seconds:g} s measured per case")
    print(f"{'size':<8} {'mode':<22} {'bytes/s':>8} {'frames/s':>9} {'B/frame':>8} {'CPU %':>6}")
    captured: list[str] = []
    cases = [("full", 1, "scroll, 1 cell/frame"), ("full", 2, "scroll, 2 cells/frame")]
    cases.append(("none", 1, "paging (animations off)"))
    for size in ((120, 40), (200, 60)):
        for animations, cells_per_frame, label in cases:
            result = measure(
                size, animations, cells_per_frame, args.seconds, args.warmup, colorterm
            )
            print(
                f"{size[0]:>3}×{size[1]:<4} {label:<22} {result.bytes_per_second:>8.0f}"
                f" {result.frames_per_second:>9.1f} {result.bytes_per_frame:>8.0f}"
                f" {result.cpu_percent:>6.2f}",
                flush=True,
            )
            captured = captured or result.screen
    print("\nTicker line at 120 columns (last screen row, read back with pyte):")
    print(captured[-1] if captured else "(nothing captured)")


if __name__ == "__main__":
    main()
