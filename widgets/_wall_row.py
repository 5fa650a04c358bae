"""Provides the wall's rows: `WallRow` (one party in big digits) and `WallHeader` (column titles).

A row is a party-colour swatch, the name (and a note such as "✔ ELECTED"),
one `Digits` per figure, each right-aligned in its column, and the party's
net-gains bar where the wall has room. A new line updates only the digits
whose text changed: the figures arrive padded to their column's width, so
`Digits.update` never lays the wall out again (FACTS.md) and one party's new
seats redraw that party's seat digits and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Digits, Static

from widgets._cells import is_hex_colour, one_line
from widgets.gains_chart import GainBarCell
from widgets.wall_views import WallCell, WallLine

__all__ = ["WallHeader", "WallRow", "cell_widths", "digits_width"]

CELL_GAP = 3
"""Cells of air a figure column keeps on its left, at the least."""


def digits_width(text: str) -> int:
    """The cells `text` takes in `Digits` (a digit or space 3, anything else 1)."""
    from textual.renderables.digits import Digits as DigitsRenderable

    return DigitsRenderable.get_width(text)


def _cell_width(cell: WallCell) -> int:
    return digits_width(cell.text) + CELL_GAP


class WallRow(Horizontal):
    """One party on the wall: swatch, name, its figures in big digits, its gains bar."""

    DEFAULT_CSS = """
    WallRow {
        height: 3;
        & > .wall-swatch { width: 2; height: 3; margin-right: 1; background: $foreground 20%; }
        & > .wall-name { width: 2fr; min-width: 8; height: 3; }
        & .wall-name-text { text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
        & .wall-note { color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
        & > .wall-cell { width: 1fr; height: 3; align-horizontal: right; }
        & Digits { width: auto; text-style: bold; }
        & .-gain Digits { color: $success; }
        & .-loss Digits { color: $error; }
        & > GainBarCell { display: none; margin-left: 3; height: 3; width: 2fr; }
    }
    """

    line: reactive[WallLine] = reactive(WallLine("", "", None, ()), init=False, repaint=False)
    """The figures shown; an equal line does nothing at all."""

    bar_scale: reactive[int] = reactive(0, init=False, repaint=False)
    """The wall's longest gains bar, in seats (every row's bar is drawn to it)."""

    def __init__(self, line: WallLine, scale: int) -> None:
        super().__init__()
        self.set_reactive(WallRow.line, line)
        self.set_reactive(WallRow.bar_scale, scale)

    def compose(self) -> ComposeResult:
        line = self.line
        swatch = Static("", classes="wall-swatch")
        if is_hex_colour(line.colour):
            swatch.styles.background = Color.parse(line.colour or "")
        yield swatch
        with Vertical(classes="wall-name"):
            yield Static(Content(one_line(line.name)), classes="wall-name-text", markup=False)
            yield Static(Content(one_line(line.note)), classes="wall-note", markup=False)
        for cell in line.cells:
            with Horizontal(classes=f"wall-cell -{cell.tone}") as box:
                box.styles.min_width = _cell_width(cell)
                yield Digits(cell.text)
        bar = GainBarCell()
        bar.set_reactive(GainBarCell.bar, (line.bar, self.bar_scale))
        yield bar

    def watch_line(self, old: WallLine, new: WallLine) -> None:
        if not self.is_mounted:
            return
        if len(old.cells) != len(new.cells):  # other columns: the row is made again
            self.refresh(recompose=True)
            return
        if (old.name, old.note) != (new.name, new.note):
            self.query_one(".wall-name-text", Static).update(Content(one_line(new.name)))
            self.query_one(".wall-note", Static).update(Content(one_line(new.note)))
        if old.colour != new.colour:
            swatch = self.query_one(".wall-swatch", Static)
            swatch.styles.background = (
                Color.parse(new.colour or "") if is_hex_colour(new.colour) else None
            )
        boxes = list(self.query(".wall-cell").results(Horizontal))
        for box, before, after in zip(boxes, old.cells, new.cells, strict=False):
            if before == after:
                continue
            if before.tone != after.tone:
                box.set_class(False, f"-{before.tone}")
                box.set_class(True, f"-{after.tone}")
            if before.text != after.text:
                if len(before.text) != len(after.text):
                    box.styles.min_width = _cell_width(after)
                box.query_one(Digits).update(after.text)
        self.query_one(GainBarCell).bar = (new.bar, self.bar_scale)

    def watch_bar_scale(self, scale: int) -> None:
        if self.is_mounted:
            self.query_one(GainBarCell).bar = (self.line.bar, scale)


class WallHeader(Horizontal):
    """The wall's column titles, laid out like its rows so each stands over its figures."""

    DEFAULT_CSS = """
    WallHeader {
        height: 1;
        color: $text-muted;
        text-style: bold;
        & > .wall-swatch { width: 2; margin-right: 1; }
        & > .wall-name { width: 2fr; min-width: 8; }
        & > .wall-cell { width: 1fr; text-align: right; text-wrap: nowrap; }
        & > .wall-bar-title { display: none; margin-left: 3; width: 2fr; text-align: center; }
    }
    """

    def __init__(self, headers: Sequence[str], widths: Sequence[int] = ()) -> None:
        super().__init__()
        self.headers = tuple(headers)
        """The titles, one per figure column."""
        self.widths = tuple(widths)
        """The least width of each figure column (`cell_widths` of the rows' cells)."""

    def compose(self) -> ComposeResult:
        yield Static("", classes="wall-swatch")
        yield Static("", classes="wall-name")
        for title, width in zip(self.headers, self.widths, strict=False):
            label = Static(Content(title), classes="wall-cell", markup=False)
            label.styles.min_width = width
            yield label
        yield Static(Content("net seats ◂ lost · won ▸"), classes="wall-bar-title", markup=False)


def cell_widths(cells: Sequence[WallCell]) -> tuple[int, ...]:
    """The least width of each figure column for a row of `cells` (the header takes them)."""
    return tuple(_cell_width(cell) for cell in cells)
