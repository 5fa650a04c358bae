"""Provides `Wall`: a contest's leading figures in big digits, filling the screen from edge to edge.

For a screen read from the back of a gallery: the counter ("96 of 124") and,
per party, its figures in Textual's `Digits`, each column spread across the
width; the state chips large in the top corner (`chips`); the projection, if
any, below. As many rows as fit are shown, in the board's order, and rows
marked `pinned_last` (No Overall Control) are kept; "+ n more" says how many
were left out. Where there is room (`ROOMY` columns) each row also draws its
net-gains bar (`-roomy`, and `-bars` while any party has moved: rows and
column titles show their bar column by one rule, so each title stands over
its figures). The board marks a stale or failing feed with `-stale` or
`-error` on the wall (its stylesheet dims or bars it).

Rows are keyed (`widgets/_keyed_rows.py`): a new view updates the rows'
figures in place, so one party's change redraws one party's digits.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from widgets._keyed_rows import KeyedRows, fit_lines
from widgets._wall_row import WallHeader, WallRow, cell_widths
from widgets.projection import ProjectionPanel
from widgets.reporting_counter import ReportingCounter
from widgets.seat_bar import SeatBar
from widgets.views import Chip, CounterView
from widgets.wall_views import Chamber, ProjectionView, WallLine, WallView

__all__ = ["ROOMY", "Wall", "WallChips", "fit_lines"]

ROOMY = 150
"""From this width the rows also draw their net-gains bars."""
ROW_HEIGHT = 3
AIRY_PITCH = 4
"""A row and a blank line, when every row fits with air between them."""


class WallChips(Widget):
    """The state chips, large: each a reversed block three lines tall in its tone's colours."""

    DEFAULT_CSS = """
    WallChips { width: auto; height: auto; layout: horizontal; }
    WallChips > Static { width: auto; height: 3; padding: 1 3; margin-left: 1; text-style: bold; }
    """

    chips: reactive[tuple[Chip, ...]] = reactive((), init=False, recompose=True)
    """The chips, most urgent first; an equal tuple does nothing."""

    def compose(self) -> ComposeResult:
        for chip in self.chips:
            yield Static(Content(chip.text), classes=f"wall-chip -{chip.tone}", markup=False)


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

    def watch_view(self, old: WallView, new: WallView) -> None:
        self._show(old, new)

    def watch_chips(self, chips: tuple[Chip, ...]) -> None:
        self.query_one(WallChips).chips = chips

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

    def _chamber(self, chamber: Chamber | None) -> None:
        bar = self.query_one(SeatBar)
        bar.display = chamber is not None
        if chamber is not None:
            bar.total, bar.majority = chamber.total, chamber.majority
            bar.to_declare = chamber.to_declare
            bar.update_shares(list(chamber.shares))


def _line_of(row: WallRow) -> WallLine:
    return row.line
