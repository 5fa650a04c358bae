"""Provides `ContestView`: one contest on screen — its table (by kind), counter and declarations.

The app picks the contest; this widget knows how each kind is shown: councils
as the party table, a legislature as a seat bar over the party table, a mayor
as the candidates, the night's races (`RaceNight`) as the races overview or
one race opened from it, and a kind this version does not know as a plain note.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from board.race_views import (
    LineCache,
    RaceNight,
    call_lines,
    overview_lines,
    race_view_data,
)
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
from widgets.party_table import BALANCE_COLUMNS, LEGISLATURE_COLUMNS, PartyTable, SortKey
from widgets.race_overview import RaceOverview
from widgets.race_view import RaceView
from widgets.reporting_counter import ReportingCounter
from widgets.seat_bar import SeatBar

__all__ = ["ContestView"]

_SORTABLE = {
    "view-table": "#view-table",
    "view-legislature": "#legislature-table",
    "view-balance": "#balance-table",
}


class ContestView(Horizontal):
    """The selected contest: the view for its kind beside the counter and declarations."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._table_shows: dict[str, str] = {}  # table id -> contest id it shows
        self.open_race: str | None = None
        """The race opened from the overview (its contest id), or None: the overview."""
        self._night: RaceNight | None = None
        self._race_lines: LineCache = {}

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="view-table", id="views"):
            yield PartyTable(id="view-table")
            with Vertical(id="view-legislature"):
                yield SeatBar(id="seat-bar")
                yield PartyTable(LEGISLATURE_COLUMNS, id="legislature-table")
            with Vertical(id="view-balance"):
                yield SeatBar(id="balance-bar")
                yield PartyTable(BALANCE_COLUMNS, id="balance-table")
            yield CandidateTable(id="view-mayor")
            with Vertical(id="view-races"):
                yield RaceOverview(id="race-overview")
                yield RaceView(id="race-view")
            yield Static("", id="view-unsupported", markup=False)
        with Container(id="side"):
            yield ReportingCounter(id="counter")
            with Vertical(id="declarations-box"):
                yield Static("Latest declarations", id="declarations-title")
                yield DeclarationList(id="declarations")

    def show(self, contest: Contest | RaceNight) -> None:
        """Show `contest`; widgets redraw only what differs from what they show."""
        switcher = self.query_one("#views", ContentSwitcher)
        title = self.query_one("#declarations-title", Static)
        if isinstance(contest, RaceNight):
            self._show_races(contest, switcher)
            title.update("Latest calls")
            return
        title.update("Latest declarations")
        if isinstance(contest, UnsupportedContest):
            message = (
                f"{contest.title}: this kind of contest ({contest.kind}) "
                "is not supported by this version of results-board."
            )
            self.query_one("#view-unsupported", Static).update(Content(message))
            switcher.current = "view-unsupported"
        elif isinstance(contest, LegislatureContest):
            # A balance of power (won and leading apart) has its own columns.
            view = "balance" if any(p.leading is not None for p in contest.parties) else ""
            bar = self.query_one("#balance-bar" if view else "#seat-bar", SeatBar)
            bar.total, bar.majority = contest.total, contest.majority
            bar.update_shares(seat_shares(contest))
            self._fill("#balance-table" if view else "#legislature-table", contest)
            switcher.current = "view-balance" if view else "view-legislature"
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

    def _show_races(self, night: RaceNight, switcher: ContentSwitcher) -> None:
        self._night = night
        overview = self.query_one(RaceOverview)
        overview.update_lines(overview_lines(night, self._race_lines))
        race = night.race(self.open_race) if self.open_race else None
        view = self.query_one(RaceView)
        if race is not None:
            view.data = race_view_data(race)
        overview.display, view.display = race is None, race is not None
        if switcher.current != "view-races":
            switcher.current = "view-races"
            overview.focus()
        counter = self.query_one(ReportingCounter)
        counter.reported = sum(race.called for race in night.races)
        counter.total, counter.noun, counter.display = len(night.races), "races called", True
        self.query_one(DeclarationList).show(call_lines(night))

    def show_race(self, key: str | None) -> bool:
        """Open the race `key` (None: back to the overview); False when there is no such race."""
        night = self._night
        if night is None or (key is not None and night.race(key) is None):
            return False
        self.open_race = key
        if key is not None:
            self.query_one(RaceOverview).jump_to(key)
        self._show_races(night, self.query_one("#views", ContentSwitcher))
        if key is None:
            self.query_one(RaceOverview).focus()
        return True

    def _fill(self, selector: str, contest: Contest) -> None:
        """Update a table; a switch to another contest replaces its rows without flashing."""
        fresh = self._table_shows.get(selector, contest.id) != contest.id
        self._table_shows[selector] = contest.id
        self.query_one(selector, PartyTable).update_lines(party_lines(contest), fresh=fresh)

    def cycle_sort(self) -> SortKey | str | None:
        """Cycle the visible table's sort; None when the view has no sortable table."""
        current = self.query_one("#views", ContentSwitcher).current
        if current == "view-races" and self.open_race is None:
            return self.query_one(RaceOverview).cycle_sort()
        selector = _SORTABLE.get(current or "")
        if selector is None:
            return None
        return self.query_one(selector, PartyTable).cycle_sort()
