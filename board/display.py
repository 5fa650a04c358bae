"""Provides `Display`: pushes a `BoardState` down to the widgets, touching only what changed.

The app calls `Display.push(state, now)` after every transition and once a
second (the clock): the status bar gets a new `StatusView` (it repaints only
if the words changed), the tabs their labels, the ticker its pause, and the
contest view the selected contest — only when the snapshot, the selection or
the sort changed — and its stale/error mark. The desk's part (alert banner,
the ticker's items by age, open desk screens) is `board/desk_display.py`'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen

from board.contest_view import ContestView
from board.desk_display import DeskDisplay, ticker_items
from board.look import panel_mark, status_view, tab_lines
from board.state import BoardState
from board.wall_display import WallDisplay
from feeds.source import Snapshot
from widgets.contest_tabs import ContestTabs
from widgets.status_bar import StatusBar
from widgets.ticker import Ticker

__all__ = ["Display", "ticker_items"]


class Display:
    """The widgets of one board, and what they were last given."""

    def __init__(self, app: App[Any], *, bell: bool = False) -> None:
        self._app = app
        self._desk = DeskDisplay(app, bell=bell)
        # snapshot, contest, sort, opened race
        self._contest: tuple[Snapshot, str, str | None, str | None] | None = None
        self._wall = WallDisplay(app)

    def push(self, state: BoardState, now: datetime) -> None:
        """Make the widgets show `state` at `now`."""
        app = self._app
        if not app.is_running or not app.screen_stack:  # not composed yet, or shutting down
            return
        board = app.screen_stack[0]  # the board's own screen, even under the help screen
        bars = board.query(StatusBar)
        if not bars:  # not composed yet: `on_mount` pushes again
            return
        try:
            self._push(app, board, state, now)
        except NoMatches:
            # A widget is gone: the board is being taken down (a clock tick or a poll can land
            # while Textual removes the widgets one by one). Nothing is left to show.
            return

    def _push(self, app: App[Any], board: Screen[Any], state: BoardState, now: datetime) -> None:
        with app.batch_update():
            board.query_one(StatusBar).view = status_view(state, now)
            contest = state.selected
            view = board.query_one(ContestView)
            if state.shown is not None and contest is not None:
                board.query_one(ContestTabs).update_tabs(tab_lines(state), contest.id)
                sort = state.sort_for(contest.kind)
                if self._contest != (state.shown, contest.id, sort, state.open_race):
                    self._contest = (state.shown, contest.id, sort, state.open_race)
                    view.show(contest, sort, state.open_race)
            view.mark(panel_mark(state, now))
            board.query_one(Ticker).paused = state.ticker_paused
            self._desk.push(board, state, now)
            self._wall.push(board, state, now)
