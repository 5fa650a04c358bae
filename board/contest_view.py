"""Provides `ContestView`: one contest on screen — its table (by kind), counter and declarations.

The app picks the contest; this widget knows how each kind is shown: councils
as the party table, a legislature as a seat bar over the party table, a mayor
as the candidates, and a kind this version does not know as a plain note.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from board.views import (
    candidate_lines,
    counter_of,
    declaration_lines,
    party_lines,
    seat_shares,
)
from feeds import Contest, LegislatureContest, MayorContest, UnsupportedContest
from widgets.candidates import CandidateTable
from widgets.declarations import DeclarationList
from widgets.party_table import LEGISLATURE_COLUMNS, PartyTable, SortKey
from widgets.reporting_counter import ReportingCounter
from widgets.seat_bar import SeatBar

__all__ = ["ContestView"]

_SORTABLE = {"view-table": "#view-table", "view-legislature": "#legislature-table"}


class ContestView(Horizontal):
    """The selected contest: the view for its kind beside the counter and declarations."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._table_shows: dict[str, str] = {}  # table id -> contest id it shows

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="view-table", id="views"):
            yield PartyTable(id="view-table")
            with Vertical(id="view-legislature"):
                yield SeatBar(id="seat-bar")
                yield PartyTable(LEGISLATURE_COLUMNS, id="legislature-table")
            yield CandidateTable(id="view-mayor")
            yield Static("", id="view-unsupported", markup=False)
        with Container(id="side"):
            yield ReportingCounter(id="counter")
            with Vertical(id="declarations-box"):
                yield Static("Latest declarations", id="declarations-title")
                yield DeclarationList(id="declarations")

    def show(self, contest: Contest) -> None:
        """Show `contest`; widgets redraw only what differs from what they show."""
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
            bar.update_shares(seat_shares(contest))
            self._fill("#legislature-table", contest)
            switcher.current = "view-legislature"
        elif isinstance(contest, MayorContest):
            self.query_one(CandidateTable).update_candidates(
                candidate_lines(contest), round=contest.round, turnout=contest.turnout
            )
            switcher.current = "view-mayor"
        else:
            self._fill("#view-table", contest)
            switcher.current = "view-table"
        counter = self.query_one(ReportingCounter)
        figures = counter_of(contest)
        counter.reported, counter.total = figures.reported, figures.total
        counter.noun = figures.noun
        counter.display = figures.total > 0  # a mayoral feed may not count areas
        self.query_one(DeclarationList).show(declaration_lines(contest))

    def _fill(self, selector: str, contest: Contest) -> None:
        """Update a table; a switch to another contest replaces its rows without flashing."""
        fresh = self._table_shows.get(selector, contest.id) != contest.id
        self._table_shows[selector] = contest.id
        self.query_one(selector, PartyTable).update_lines(party_lines(contest), fresh=fresh)

    def cycle_sort(self) -> SortKey | None:
        """Cycle the visible table's sort; None when the view has no sortable table."""
        selector = _SORTABLE.get(self.query_one("#views", ContentSwitcher).current or "")
        if selector is None:
            return None
        return self.query_one(selector, PartyTable).cycle_sort()
