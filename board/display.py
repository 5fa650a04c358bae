"""Provides `Display`: pushes a `BoardState` down to the widgets, touching only what changed.

The app calls `Display.push(state, now)` after every transition and once a
second (the clock): the status bar gets a new `StatusView` (it repaints only
if the words changed), the tabs their labels, the ticker its pause, and the
contest view the selected contest — only when the snapshot, the selection or
the sort changed — its stale/error mark, and the form of each of its panels at
the terminal's size (`board/layout.py`'s plan, made again only when the size,
the bars above and below or the contest's needs change). The desk's part
(alert banner, the ticker's items by age, open desk screens) is
`board/desk_display.py`'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen

from board.contest_view import ContestView, measure
from board.desk_display import DeskDisplay, ticker_items
from board.layout import TALL, Needs, Plan, plan_layout
from board.look import panel_mark, status_view, tab_lines
from board.state import BoardState
from board.wall_display import WallDisplay
from feeds.source import Snapshot
from widgets.contest_tabs import ContestTabs
from widgets.status_bar import StatusBar, StatusView
from widgets.ticker import Ticker

__all__ = ["Display", "chrome_rows", "ticker_items"]


def chrome_rows(state: BoardState, status: StatusView, height: int, *, footer: bool) -> int:
    """Rows the board's fixed bars take at `height`: the status bar (headline, times and its
    lines), the alert banner, the contest tabs (two rows on a tall terminal, with their
    underline), the ticker and the key footer."""
    tabs = 0 if len(state.items) <= 1 else 2 if height >= TALL else 1
    banner = state.desk.banner is not None
    return 2 + len(status.lines) + banner + tabs + 1 + footer


class Display:
    """The widgets of one board, and what they were last given."""

    def __init__(self, app: App[Any], *, bell: bool = False) -> None:
        self._app = app
        self._desk = DeskDisplay(app, bell=bell)
        # snapshot, contest, sort, opened race
        self._contest: tuple[Snapshot, str, str | None, str | None] | None = None
        self._wall = WallDisplay(app)
        self._planned: tuple[tuple[int, int, int, Needs], Plan] | None = None

    def push(self, state: BoardState, now: datetime) -> None:
        """Make the widgets show `state` at `now`."""
        app = self._app
        if not app.is_running or not app.screen_stack:  # not composed yet, or shutting down
            return
        board = app.screen_stack[0]  # the board's own screen, even under the help screen
        try:
            self._push(app, board, state, now)
        except NoMatches:
            # A widget is not there: not composed yet (`on_mount` pushes again), or the board
            # is being taken down (a clock tick or a poll can land while Textual removes the
            # widgets one by one). Nothing to show either way.
            return

    def _push(self, app: App[Any], board: Screen[Any], state: BoardState, now: datetime) -> None:
        with app.batch_update():
            status = board.query_one(StatusBar).view = status_view(state, now)
            contest = state.selected
            view = board.query_one(ContestView)
            if state.shown is not None and contest is not None:
                board.query_one(ContestTabs).update_tabs(tab_lines(state), contest.id)
                sort = state.sort_for(contest.kind)
                if self._contest != (state.shown, contest.id, sort, state.open_race):
                    self._contest = (state.shown, contest.id, sort, state.open_race)
                    view.show(contest, sort, state.open_race)
            view.mark(panel_mark(state, now))
            footer = not getattr(app, "display_only", False)
            width, height = state.size
            chrome = chrome_rows(state, status, height, footer=footer)
            view.apply_plan(self._plan(width, height, chrome, view.needs))
            board.query_one(Ticker).paused = state.ticker_paused
            self._desk.push(board, state, now)
            self._wall.push(board, state, now)

    def _plan(self, width: int, height: int, chrome: int, needs: Needs) -> Plan:
        """The plan for this size, bars and needs (made again only when one of them changes)."""
        key = (width, height, chrome, needs)
        if self._planned is None or self._planned[0] != key:
            self._planned = (key, plan_layout(width, height, chrome, needs, measure))
        return self._planned[1]
