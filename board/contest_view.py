"""Provides `ContestView`: one contest on screen — figures (by kind), notes, counter, declarations.

The app says which contest, in which sort, and whether the figures are
current; this widget asks the presentation (`board/present.py`) for the
rows and words and hands each widget its own view: councils as the party
table, a legislature as a seat bar over the party table, a mayor as the
candidates, a kind this version does not know as a plain note; a projection
under the figures, labelled with its source, and the net seat gains and
losses as a chart beside the counter (where there is room: `wall.tcss`). Notes under
the figures explain what could look like a contradiction between panels.
While the feed is stale or failing, every panel (figures, counter,
declarations) is marked: `-stale` or `-error` on this widget, styled in
`board.tcss`.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from board.present import (
    SortKey,
    candidate_lines,
    counter_of,
    declaration_lines,
    declarations_empty,
    notes,
    party_lines,
    seat_shares,
)
from board.projection import gains_view, projection_view
from feeds.contests import Contest, LegislatureContest, MayorContest, UnsupportedContest
from widgets.candidates import CandidateTable
from widgets.declarations import DeclarationList
from widgets.gains_chart import GainsChart
from widgets.party_table import PartyTable
from widgets.projection import ProjectionPanel
from widgets.reporting_counter import ReportingCounter
from widgets.seat_bar import SeatBar
from widgets.views import LEGISLATURE_COLUMNS

__all__ = ["ContestView", "Mark"]

Mark = Literal["stale", "error"] | None
"""How the panels are marked: the last good figures of a stale or failing feed, or None."""


class ContestView(Horizontal):
    """The selected contest: its kind's view and notes, beside counter and declarations."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._table_shows: dict[str, str] = {}  # table id -> contest id it shows

    def compose(self) -> ComposeResult:
        with Vertical(id="figures"):
            with ContentSwitcher(initial="view-table", id="views"):
                yield PartyTable(id="view-table")
                with Vertical(id="view-legislature"):
                    yield SeatBar(id="seat-bar")
                    yield PartyTable(LEGISLATURE_COLUMNS, id="legislature-table")
                yield CandidateTable(id="view-mayor")
                yield Static("", id="view-unsupported", markup=False)
            yield Static("", id="notes", markup=False)
            yield ProjectionPanel(id="projection")
        with Container(id="side"):
            yield ReportingCounter(id="counter")
            yield GainsChart(id="gains")
            with Vertical(id="declarations-box"):
                yield Static("Latest declarations", id="declarations-title")
                yield DeclarationList(id="declarations")

    def show(self, contest: Contest, sort: SortKey | None) -> None:
        """Show `contest` (its table in `sort`); widgets redraw only what differs."""
        switcher = self.query_one("#views", ContentSwitcher)
        if isinstance(contest, UnsupportedContest):
            message = (
                f"{contest.title}: this kind of contest ({contest.kind}) "
                "is not supported by this version of results-board."
            )
            self.query_one("#view-unsupported", Static).update(Content(message))
            switcher.current = "view-unsupported"
        elif isinstance(contest, LegislatureContest):
            bar = self.query_one(SeatBar)
            bar.total, bar.majority = contest.total, contest.majority
            bar.to_declare = contest.total - contest.reported
            bar.update_shares(seat_shares(contest))
            self._fill("#legislature-table", contest, sort)
            switcher.current = "view-legislature"
        elif isinstance(contest, MayorContest):
            self.query_one(CandidateTable).update_candidates(
                candidate_lines(contest), round=contest.round, turnout=contest.turnout
            )
            switcher.current = "view-mayor"
        else:
            self._fill("#view-table", contest, sort)
            switcher.current = "view-table"
        found = notes(contest)
        box = self.query_one("#notes", Static)
        box.update(Content("\n").join(Content(f"⚠ {note}") for note in found))
        box.display = bool(found)
        counter = self.query_one(ReportingCounter)
        figures = counter_of(contest)
        if figures is not None:
            counter.view = figures.view
        counter.display = figures is not None
        self.query_one(ProjectionPanel).view = projection_view(contest)
        self.query_one(GainsChart).view = gains_view(contest)
        self.query_one(DeclarationList).show(
            declaration_lines(contest), empty=declarations_empty(contest)
        )

    def mark(self, mark: Mark) -> None:
        """Mark every panel as the last good figures of a stale (or failing) feed, or not."""
        self.set_class(mark == "stale", "-stale")
        self.set_class(mark == "error", "-error")

    def _fill(self, selector: str, contest: Contest, sort: SortKey | None) -> None:
        """Update a table; a switch to another contest replaces its rows without flashing."""
        fresh = self._table_shows.get(selector, contest.id) != contest.id
        self._table_shows[selector] = contest.id
        self.query_one(selector, PartyTable).update_lines(
            party_lines(contest, sort), sorted_field=sort or "", fresh=fresh
        )
