"""Provides `ContestView`: one contest on screen — figures (by kind), notes, counter, declarations.

The app says which contest, in which sort, and whether the figures are
current; this widget asks the presentation (`board/present.py`) for the
rows and words and hands each widget its own view: councils as the party
table, a legislature as a seat bar over the party table (a balance of power:
seats won and leading apart), a mayor as the candidates, the night's races
(`RaceNight`) as the races overview or the one race opened from it
(`board/race_views.py`), a kind this version does not know as a plain note; a
projection under the figures, labelled with its source, and the net seat gains
and losses as a chart beside the counter (where there is room: `wall.tcss`). Notes under
the figures explain what could look like a contradiction between panels.
While the feed is stale or failing, every panel (figures, counter,
declarations) is marked: `-stale` or `-error` on this widget, styled in
`board.tcss`. What the contest shown needs (`needs`) and the form each panel
takes at the terminal's size (`apply_plan`, from `board/layout.py`'s plan) keep
every panel whole or hide it on purpose.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from board.layout import Needs, Plan
from board.present import (
    SortKey,
    candidate_lines,
    counter_of,
    declaration_lines,
    declarations_empty,
    is_balance,
    notes,
    party_columns,
    party_lines,
    seat_shares,
)
from board.projection import gains_view, projection_view
from board.race_views import (
    LineCache,
    RaceNight,
    call_lines,
    overview_lines,
    race_view_data,
)
from feeds.contests import Contest, LegislatureContest, MayorContest, UnsupportedContest
from widgets.candidates import CandidateTable
from widgets.declarations import DeclarationList
from widgets.gains_chart import GainsChart
from widgets.party_table import PartyTable
from widgets.projection import ProjectionPanel
from widgets.race_overview import RACE_SORTS, RaceOverview
from widgets.race_view import RaceView
from widgets.reporting_counter import ReportingCounter
from widgets.seat_bar import SeatBar
from widgets.views import BALANCE_COLUMNS, LEGISLATURE_COLUMNS, CounterView
from widgets.wall_views import GainsView

__all__ = ["ContestView", "Mark"]

Mark = Literal["stale", "error"] | None
"""How the panels are marked: the last good figures of a stale or failing feed, or None."""

NOTE = "⚠ "
"""Opens every note under the figures."""


def measure(text: str, width: int) -> int:
    """Lines `text` takes wrapped at `width` columns, as Textual wraps it (`board/layout.py`)."""
    return max(1, len(Content(text).wrap(max(1, width))))


def notes_text(notes: tuple[str, ...], form: str) -> Content:
    """The notes as the plan's form shows them: one per line ("wrap", "lines"), or the first
    after how many there are ("one": "⚠ 2 notes · seat changes add up to …")."""
    if form == "one" and len(notes) > 1:
        return Content(f"{NOTE}{len(notes)} notes · {notes[0].removeprefix(NOTE)}")
    if form == "one":
        return Content(notes[0])
    return Content("\n").join(Content(note) for note in notes)


class ContestView(Horizontal):
    """The selected contest: its kind's view and notes, beside counter and declarations."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._race_lines: LineCache = {}
        self._title = "Latest declarations"
        self._titles = ("Latest declarations", "Latest declarations")  # list form, line form
        self._notes: tuple[str, ...] = ()
        self._plan: Plan | None = None
        self.needs = Needs()
        """What the contest shown needs, in rows (`board/layout.py`)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="figures"):
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
            yield Static("", id="notes", markup=False)
            yield ProjectionPanel(id="projection")
        with Container(id="side"):
            yield ReportingCounter(id="counter")
            yield GainsChart(id="gains")
            with Vertical(id="declarations-box"):
                yield Static("Latest declarations", id="declarations-title")
                yield DeclarationList(id="declarations")

    def show(
        self, contest: Contest | RaceNight, sort: SortKey | None, race: str | None = None
    ) -> None:
        """Show `contest` (its table in `sort`; of the night's races, the overview or the
        opened `race`); widgets redraw only what differs."""
        switcher = self.query_one("#views", ContentSwitcher)
        title = "Latest calls" if isinstance(contest, RaceNight) else "Latest declarations"
        self._titles = (title, "Latest:")
        self._title_for(self._plan)
        if isinstance(contest, RaceNight):
            self._show_races(contest, sort, race, switcher)
            return
        if isinstance(contest, UnsupportedContest):
            message = (
                f"{contest.title}: this kind of contest ({contest.kind}) "
                "is not supported by this version of results-board."
            )
            self.query_one("#view-unsupported", Static).update(Content(message))
            switcher.current = "view-unsupported"
            needs = Needs(head=4, header=0)  # the message and its padding
        elif isinstance(contest, LegislatureContest):
            view = "balance" if is_balance(contest) else "legislature"
            bar = self.query_one(f"#{view}-bar" if view == "balance" else "#seat-bar", SeatBar)
            bar.total, bar.majority = contest.total, contest.majority
            bar.to_declare = contest.total - contest.reported
            bar.update_shares(seat_shares(contest))
            self.query_one(f"#{view}-table", PartyTable).show_columns(party_columns(contest))
            rows = self._fill(f"#{view}-table", contest, sort)
            switcher.current = f"view-{view}"
            needs = Needs(head=3, rows=rows, airy=True)  # the seat bar over the table
        elif isinstance(contest, MayorContest):
            candidates = candidate_lines(contest)
            self.query_one(CandidateTable).update_candidates(
                candidates, round=contest.round, turnout=contest.turnout, contest=contest.id
            )
            switcher.current = "view-mayor"
            needs = Needs(header=2, rows=len(candidates))  # the round, the column titles
        else:
            rows = self._fill("#view-table", contest, sort)
            switcher.current = "view-table"
            needs = Needs(rows=rows, airy=True)
        self._show_notes(tuple(NOTE + note for note in notes(contest)))
        counter = self.query_one(ReportingCounter)
        figures = counter_of(contest)
        if figures is not None:
            counter.view = figures.view
        counter.display = figures is not None
        projection = projection_view(contest)
        self.query_one(ProjectionPanel).view = projection
        gains = gains_view(contest)
        self.query_one(GainsChart).view = gains
        self.query_one(DeclarationList).show(
            declaration_lines(contest), empty=declarations_empty(contest)
        )
        self.needs = replace(
            needs,
            notes=self._notes,
            projection=projection is not None,
            gains=1 + max(1, len(gains.bars)) if gains.seats else 0,  # title, bars or a line
            counter=figures is not None,
        )

    def _show_races(
        self, night: RaceNight, sort: SortKey | None, race: str | None, switcher: ContentSwitcher
    ) -> None:
        overview = self.query_one(RaceOverview)
        overview.sort = RACE_SORTS.get(sort or "", "office")
        overview.update_lines(overview_lines(night, self._race_lines))
        opened = night.race(race) if race is not None else None
        view = self.query_one(RaceView)
        arriving = switcher.current != "view-races" or (view.display and opened is None)
        if opened is not None:
            view.data = race_view_data(opened)
            overview.jump_to(opened.id)
        overview.display, view.display = opened is None, opened is not None
        switcher.current = "view-races"
        if arriving and opened is None:  # the arrows and enter work at once
            overview.focus()
        self._show_notes(())
        self.query_one(ProjectionPanel).view = None  # a race night has neither
        self.query_one(GainsChart).view = GainsView(seats=False)
        called = sum(r.called for r in night.races)
        counter = self.query_one(ReportingCounter)
        words = f"{called} of {len(night.races)} races called"
        counter.view = CounterView(called, len(night.races), words, words)
        counter.display = True
        self.query_one(DeclarationList).show(call_lines(night), empty="No races called yet")
        # The overview's column titles and lines; a race: its title, state, progress, column
        # titles, candidates and the way back (`widgets/race_view.py`).
        lines = len(overview.rows) + 1 if opened is None else 7 + len(view.data.candidates)
        self.needs = Needs(header=0, rows=lines, scrolls=True)

    def _show_notes(self, found: tuple[str, ...]) -> None:
        """Keep the notes; `apply_plan` shows them in the plan's form."""
        if found != self._notes:
            self._notes = found
            self._show_plan_notes(self._plan)

    def _show_plan_notes(self, plan: Plan | None) -> None:
        box = self.query_one("#notes", Static)
        form = "wrap" if plan is None else plan.notes
        box.display = bool(self._notes) and form != "off"
        if self._notes and form != "off":
            box.update(notes_text(self._notes, form))

    def _title_for(self, plan: Plan | None) -> None:
        title = self._titles[plan is not None and plan.declarations == "line"]
        if title != self._title:  # `update` lays the screen out again: only on a change
            self._title = title
            self.query_one("#declarations-title", Static).update(title)

    def apply_plan(self, plan: Plan) -> None:
        """Give every panel the form `plan` says (`board/layout.py`); nothing if unchanged."""
        old, self._plan = self._plan, plan
        if plan == old:
            return
        with self.app.batch_update():
            self.query_one(ReportingCounter).compact = plan.counter == "line"
            self.query_one(ProjectionPanel).compact = plan.projection == "line"
            for table in self.query(PartyTable):
                table.limit = plan.limit
            self.query_one(CandidateTable).limit = plan.limit
            self.set_class(plan.declarations == "line", "-declarations-line")
            self.set_class(plan.notes in ("lines", "one"), "-notes-line")
            self.set_class(plan.projection == "off", "-projection-off")
            self.set_class(not plan.wide and plan.beside and plan.counter == "big", "-beside")
            self.set_class(plan.gaps, "-gaps")
            self.set_class(plan.side_gaps, "-side-gaps")
            self.set_class(plan.airy, "-airy")
            self.set_class(plan.gains, "-gains")
            figures = self.query_one("#figures")
            figures.styles.max_height = plan.figures
            figures.styles.height = plan.figures if self.needs.scrolls else "auto"
            self.set_class(self.needs.scrolls, "-scrolls")
            if old is None or old.notes != plan.notes:
                self._show_plan_notes(plan)
            self._title_for(plan)

    def mark(self, mark: Mark) -> None:
        """Mark every panel as the last good figures of a stale (or failing) feed, or not."""
        self.set_class(mark == "stale", "-stale")
        self.set_class(mark == "error", "-error")

    def _fill(self, selector: str, contest: Contest, sort: SortKey | None) -> int:
        """Update a table; a switch to another contest replaces its rows without flashing.
        Returns the number of rows."""
        lines = party_lines(contest, sort)
        self.query_one(selector, PartyTable).update_lines(
            lines, sorted_field=sort or "", contest=contest.id
        )
        return len(lines)
