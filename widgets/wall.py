"""Provides `Wall`: a contest's leading figures in big digits, filling the screen from edge to edge.

For a screen read from the back of a gallery: the counter ("96 of 124") and,
per party, its figures in Textual's `Digits`, each column spread across the
width; the state chips large in the top corner (`chips`), or under the
headline where beside it they would take the big figures' width (the
headline is planned first); the projection, if any, below. As many rows as
fit are shown, in the board's order, and rows marked `pinned_last` (No
Overall Control) are kept; "+ n more" says how many were left out. Where
there is room (`ROOMY` columns) each row also draws its net-gains bar
(`-roomy`, and `-bars` while any party has moved: rows and column titles
show their bar column by the same rule). The board marks a stale or failing
feed with `-stale` or `-error` on the wall (its stylesheet dims or bars it).

Rows are keyed (`widgets/_keyed_rows.py`): a new view updates the rows'
figures in place, so one party's change redraws one party's digits.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from widgets._keyed_rows import KeyedRows, fit_lines
from widgets._wall_row import WallHeader, WallRow, cell_widths, digits_width
from widgets.projection import ProjectionPanel
from widgets.reporting_counter import ReportingCounter
from widgets.seat_bar import SeatBar
from widgets.views import Chip, CounterView
from widgets.wall_views import Chamber, ProjectionView, WallLine, WallView

__all__ = ["ROOMY", "Wall", "WallChips", "chip_lines", "fit_lines", "headline_width"]

ROOMY = 150
"""From this width the rows also draw their net-gains bars."""
BESIDE_CHIP_GUTTER = 7
"""A chip beside the headline: 3 columns of padding each side and 1 of margin."""
BELOW_CHIP_GUTTER = 3
"""A chip under the headline: 1 column of padding each side and 1 of margin."""
COUNTER_OF = 4
""""of" between the counter's digits, with a column of padding each side."""
WALL_GUTTER = 3
"""Columns of the wall that are not content: its padding, and a stale or failing bar."""
ROW_HEIGHT = 3
AIRY_PITCH = 4
"""A row and a blank line, when every row fits with air between them."""


class WallChips(Widget):
    """The state chips, large: each a reversed block in its tone's colours — three lines tall
    beside the headline, or, where that would take the big figures' width, one line tall in
    lines of their own under it (`below`: the width they wrap to)."""

    DEFAULT_CSS = """
    WallChips { width: auto; height: auto; layout: horizontal; }
    WallChips > Static { width: auto; height: 3; padding: 1 3; margin-left: 1; text-style: bold; }
    WallChips.-below { width: 1fr; layout: vertical; margin-top: 1; }
    WallChips.-below > Horizontal { width: 1fr; height: 1; }
    WallChips.-below Static { width: auto; height: 1; padding: 0 1; margin-right: 1; }
    WallChips.-below Static { text-style: bold; }
    """

    chips: reactive[tuple[Chip, ...]] = reactive((), init=False, recompose=True)
    """The chips, most urgent first; an equal tuple does nothing."""

    below: reactive[int] = reactive(0, init=False, recompose=True)
    """0: beside the headline; else under it, wrapped at this many columns."""

    def compose(self) -> ComposeResult:
        self.set_class(bool(self.below), "-below")
        if not self.below:
            for chip in self.chips:
                yield Static(Content(chip.text), classes=f"wall-chip -{chip.tone}", markup=False)
            return
        for line in chip_lines(self.chips, self.below):
            with Horizontal():
                for words, tone in line:
                    yield Static(Content(words), classes=f"wall-chip -{tone}", markup=False)


def chip_lines(chips: Sequence[Chip], width: int) -> list[list[tuple[str, str]]]:
    """`chips` as (words, tone) in lines of at most `width` columns, one line tall each (a
    chip's short words where its whole words would not fit a line)."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for chip in chips:
        words = chip.text
        if cell_len(words) + BELOW_CHIP_GUTTER > width:
            words = chip.short or chip.text
        cells = cell_len(words) + BELOW_CHIP_GUTTER
        if used and used + cells > width:
            lines.append([])
            used = 0
        lines[-1].append((words, chip.tone))
        used += cells
    return [line for line in lines if line]


def chips_beside_width(chips: Sequence[Chip]) -> int:
    """Columns the chips take beside the headline (three lines tall, padded)."""
    return sum(cell_len(chip.text) + BESIDE_CHIP_GUTTER for chip in chips)


def headline_width(view: WallView) -> int:
    """Columns the headline needs to be whole: the counter's digits ("96 of 124" in `Digits`,
    with "of" between), its words, the target line."""
    counter = view.counter
    need = cell_len(view.target)
    if counter is not None:
        total = counter.total
        reported = f"{counter.reported:>{len(str(max(total, counter.reported)))}}"
        figures = digits_width(reported) + COUNTER_OF + digits_width(str(total) if total else "-")
        need = max(need, figures, cell_len(counter.words))
    return need


class WallRows(Vertical):
    """The rows that fit, and a line saying how many did not."""

    DEFAULT_CSS = """
    WallRows { height: 1fr; }
    WallRows.-airy > WallRow { margin-bottom: 1; }
    WallRows > #wall-rows-top { display: none; }
    WallRows > #wall-more { height: 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keyed: KeyedRows[WallLine, WallRow] = KeyedRows(self, _line_of)
        self._view = WallView()
        self._more = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="wall-rows-top")
        yield Static("", id="wall-more", markup=False)

    def show(self, view: WallView) -> None:
        """Show `view`'s rows, as many as fit."""
        self._view = view
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        view, height = self._view, self.size.height
        if not self.is_mounted or height == 0:
            return
        lines = view.lines
        airy = len(lines) * AIRY_PITCH <= height
        room = len(lines) if airy else max(1, (height - 1) // ROW_HEIGHT)
        shown, hidden = fit_lines(lines, room)
        self.set_class(airy, "-airy")
        more = self.query_one("#wall-more", Static)
        noun = view.nouns[0] if hidden == 1 else view.nouns[1]
        words = f"+ {hidden} more {noun} — w for the table" if hidden else ""
        if words != self._more:
            self._more = words
            more.update(Content(words))
            more.display = bool(words)

        def update(row: WallRow, line: WallLine) -> None:
            row.line = line
            row.bar_scale = view.scale

        self._keyed.sync(shown, lambda line: WallRow(line, view.scale), update, of=view.contest)
        if shown:
            self._keyed.order(shown, after=self.query_one("#wall-rows-top"))
            if self.children[-1] is not more:
                self.move_child(more, after=self.children[-1])


class Wall(Vertical):
    """The wall: title and counter with the chips, column titles, rows, projection."""

    DEFAULT_CSS = """
    Wall { height: 1fr; padding: 0 1; }
    Wall > #wall-top { height: auto; margin-bottom: 1; }
    Wall.-chips-below > #wall-top { layout: vertical; }
    Wall #wall-headline { width: 1fr; height: auto; }
    Wall #wall-title { text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
    Wall #wall-target { display: none; color: $text-muted; }
    Wall #wall-counter { max-width: 80; }
    Wall > #wall-empty { display: none; color: $text-muted; padding: 1 0; }
    /* One rule for the bar column of rows and header alike (the titles stand over the
       figures only while both have the same columns). */
    Wall.-roomy.-bars WallRow > GainBarCell { display: block; }
    Wall.-roomy.-bars WallHeader > .wall-bar-title { display: block; }
    Wall > #wall-seat-bar { margin-bottom: 1; }
    """

    view: reactive[WallView] = reactive(WallView, init=False, repaint=False)
    """What the wall shows; an equal view does nothing."""

    chips: reactive[tuple[Chip, ...]] = reactive((), init=False, repaint=False)
    """The state chips shown large (most urgent first)."""

    projection: reactive[ProjectionView | None] = reactive(None, init=False, repaint=False)
    """The projection under the rows (None: none)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="wall-top"):
            with Vertical(id="wall-headline"):
                yield Static("", id="wall-title", markup=False)
                yield ReportingCounter(id="wall-counter")
                yield Static("", id="wall-target", markup=False)
            yield WallChips(id="wall-chips")
        yield SeatBar(id="wall-seat-bar")
        yield WallHeader((), ())
        yield Static("", id="wall-empty", markup=False)
        yield WallRows()
        yield ProjectionPanel(id="wall-projection")

    def on_mount(self) -> None:
        self._show(WallView(), self.view)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= ROOMY, "-roomy")
        self._place_chips()

    def watch_view(self, old: WallView, new: WallView) -> None:
        self._show(old, new)

    def watch_chips(self, chips: tuple[Chip, ...]) -> None:
        self.query_one(WallChips).chips = chips
        self._place_chips()

    def _place_chips(self) -> None:
        """The chips beside the headline where both are whole there, else under it: no chip
        ever takes the big figures' width (the headline is planned first)."""
        if not self.is_mounted or not self.size.width:
            return
        room = self.size.width - WALL_GUTTER
        beside = headline_width(self.view) + chips_beside_width(self.chips) <= room
        self.set_class(not beside, "-chips-below")
        self.query_one(WallChips).below = 0 if beside else room

    def watch_projection(self, projection: ProjectionView | None) -> None:
        self.query_one(ProjectionPanel).view = projection

    def _show(self, old: WallView, new: WallView) -> None:
        if not self.is_mounted:
            return
        with self.app.batch_update():
            if old.title != new.title:
                self.query_one("#wall-title", Static).update(Content(new.title))
            counter = self.query_one(ReportingCounter)
            counter.display = new.counter is not None
            counter.view = new.counter or CounterView()
            if old.target != new.target:
                target = self.query_one("#wall-target", Static)
                target.update(Content(new.target))
                target.display = bool(new.target)
            # The header is made again only when its columns change (not with every figure).
            widths = cell_widths(new.lines[0].cells) if new.lines else ()
            header = self.query_one(WallHeader)
            self.set_class(new.scale > 0, "-bars")  # the rows' bars and their title, together
            if (header.headers, header.widths) != (new.headers, widths):
                header.remove()
                self.mount(WallHeader(new.headers, widths), before=self.query_one("#wall-empty"))
            if old.empty != new.empty:
                empty = self.query_one("#wall-empty", Static)
                empty.update(Content(new.empty))
                empty.display = bool(new.empty)
            self._chamber(new.chamber)
            self.query_one(WallRows).show(new)
            if old.counter != new.counter or old.target != new.target:
                self._place_chips()

    def _chamber(self, chamber: Chamber | None) -> None:
        bar = self.query_one(SeatBar)
        bar.display = chamber is not None
        if chamber is not None:
            bar.total, bar.majority = chamber.total, chamber.majority
            bar.to_declare = chamber.to_declare
            bar.update_shares(list(chamber.shares))


def _line_of(row: WallRow) -> WallLine:
    return row.line
