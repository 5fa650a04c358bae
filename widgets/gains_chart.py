"""Provides `GainsChart`: each party's net seats gained or lost, as bars either side of zero.

Drawn with Textual itself: a title and one row widget per party, keyed by
party code (`widgets/_keyed_rows.py`), so one party's new change redraws its
own line; all lines redraw only when the longest bar (the scale) changes. A
plotting library (plotext) would redraw its whole canvas on every change
and bring axes and ticks a gallery does not need (`bench/gains_bytes.py`
measures both). Gains grow right of the axis, losses left of it, and every
bar ends in its signed figure, so it reads without colour (`NO_COLOR`); a
gain is drawn █, a loss ▒, so the two differ in monochrome too.
`GainBarCell` draws one bar to fill its own size (the wall's rows use it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static

from widgets._cells import colour_style, one_line
from widgets._keyed_rows import KeyedRows
from widgets.wall_views import GainBar, GainsView

__all__ = ["GainBarCell", "GainRow", "GainsChart", "bar_spans"]

GAIN = "█"
LOSS = "▒"
AXIS = "│"
LABEL_WIDTH = 6
"""Cells for a party code before its bar (longer codes are cut with "…")."""
FIGURE_WIDTH = 4
"""Cells for the signed figure after the bar ("+22", "-128")."""


def bar_spans(change: int, scale: int, width: int) -> tuple[int, int]:
    """(left, right): the cells a bar of `change` fills left and right of the axis, in a
    bar `width` cells wide (axis included) whose half-width stands for `scale`.

    Any change that is not zero fills at least one cell, so no mover disappears.
    """
    half = max(0, (width - 1) // 2)
    if not change or not scale or not half:
        return 0, 0
    cells = max(1, round(abs(change) * half / scale))
    cells = min(cells, half)
    return (0, cells) if change > 0 else (cells, 0)


def _bar(bar: GainBar, scale: int, width: int) -> Content:
    """One bar line `width` cells wide: the axis in the middle, the bar grown to its side."""
    half = max(0, (width - 1) // 2)
    left, right = bar_spans(bar.change, scale, width)
    tone = "gains-chart--gain" if bar.change > 0 else "gains-chart--loss"
    style = colour_style(bar.colour, f".{tone}")
    return Content.assemble(
        " " * (half - left),
        (LOSS * left, style),
        (AXIS, ".gains-chart--axis"),
        (GAIN * right, style),
        " " * (width - half - 1 - right),
    )


BAR_CLASSES = {"gains-chart--gain", "gains-chart--loss", "gains-chart--axis"}
"""The component classes a bar is drawn with."""

BAR_CLASSES_DOC = """
| Class | Description |
| :- | :- |
| `gains-chart--gain` | A gain's bar (no party colour) and figure. |
| `gains-chart--loss` | A loss's bar (no party colour) and figure. |
| `gains-chart--axis` | The zero line. |
"""


class GainRow(Widget):
    """One party's line of the chart: code, bar, signed figure."""

    COMPONENT_CLASSES: ClassVar[set[str]] = BAR_CLASSES
    """See `BAR_CLASSES_DOC`."""

    DEFAULT_CSS = """
    GainRow {
        height: 1;
        text-wrap: nowrap;
        & > .gains-chart--gain { color: $success; text-style: bold; }
        & > .gains-chart--loss { color: $error; text-style: bold; }
        & > .gains-chart--axis { color: $text-muted; }
    }
    """

    line: reactive[tuple[GainBar, int]] = reactive((GainBar("", "", None, 0), 0), init=False)
    """The bar and the chart's scale; an equal pair does nothing."""

    def __init__(self, bar: GainBar, scale: int) -> None:
        super().__init__()
        self.set_reactive(GainRow.line, (bar, scale))

    def render(self) -> VisualType:
        bar, scale = self.line
        width = self.size.width
        label = Content(one_line(bar.label)).truncate(LABEL_WIDTH, ellipsis=True, pad=True)
        figure = f"{bar.change:+d}".rjust(FIGURE_WIDTH)
        tone = "gains-chart--gain" if bar.change > 0 else "gains-chart--loss"
        body = _bar(bar, scale, max(3, width - LABEL_WIDTH - FIGURE_WIDTH - 2))
        return Content.assemble(label, " ", body, " ", (figure, f".{tone}")).truncate(width)


class GainBarCell(Widget):
    """One party's bar alone, filling the cell's whole size (every line of it)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = BAR_CLASSES
    """See `BAR_CLASSES_DOC`."""

    DEFAULT_CSS = """
    GainBarCell {
        height: 1fr;
        width: 1fr;
        & > .gains-chart--gain { color: $success; }
        & > .gains-chart--loss { color: $error; }
        & > .gains-chart--axis { color: $text-muted; }
    }
    """

    bar: reactive[tuple[GainBar | None, int]] = reactive((None, 0), init=False)
    """The bar (None: empty) and its scale; an equal pair does nothing."""

    def render(self) -> VisualType:
        bar, scale = self.bar
        width = self.size.width
        if bar is None:
            return Content(" " * width)
        line = _bar(bar, scale, width)
        return Content("\n").join([line] * max(1, self.size.height))


class GainsChart(Widget):
    """The chart: a title, then one `GainRow` per party that moved (gains first).

    It takes a `GainsView` (`view`); with no party moved it says so in one line.
    """

    DEFAULT_CSS = """
    GainsChart {
        height: auto;
        layout: vertical;
        & > #gains-title { text-style: bold; color: $text-muted; }
        & > #gains-none { color: $text-muted; }
    }
    """

    view: reactive[GainsView] = reactive(GainsView, init=False, repaint=False)
    """What to show; an equal view does nothing (the rows repaint themselves, not the chart)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keyed: KeyedRows[GainBar, GainRow] = KeyedRows(self, _bar_of)

    def compose(self) -> ComposeResult:
        yield Static("", id="gains-title", markup=False)
        yield Static("No party has gained or lost seats", id="gains-none", markup=False)

    def on_mount(self) -> None:
        self._show()

    def watch_view(self) -> None:
        self._show()

    def _show(self) -> None:
        if not self.is_mounted:
            return
        view = self.view
        title = self.query_one("#gains-title", Static)
        title.update(Content(view.title))
        self.query_one("#gains-none").display = not view.bars
        self.set_class(not view.seats, "-no-seats")
        with self.app.batch_update():
            self._keyed.sync(view.bars, lambda bar: GainRow(bar, view.scale), _set(view.scale))
            self._keyed.order(list(view.bars), after=title)


def _bar_of(row: GainRow) -> GainBar:
    return row.line[0]


def _set(scale: int) -> Callable[[GainRow, GainBar], None]:
    def update(row: GainRow, bar: GainBar) -> None:
        row.line = (bar, scale)

    return update
