"""Provides `Display`: pushes a `BoardState` down to the widgets, touching only what changed.

The app calls `Display.push(state, now)` after every transition and once a
second (the clock): the status bar gets a new `StatusView` (it repaints only
if the words changed), the tabs their labels, the ticker its pause and any
new items, and the contest view the selected contest — only when the
snapshot, the selection or the sort changed — and its stale/error mark.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from textual.app import App

from board.contest_view import ContestView
from board.look import panel_mark, status_view, tab_lines
from board.state import BoardState
from board.wall_display import WallDisplay
from feeds.models import Update
from feeds.source import Snapshot
from widgets.contest_tabs import ContestTabs
from widgets.status_bar import StatusBar
from widgets.ticker import Ticker, TickerItem

__all__ = ["Display", "ticker_items"]


def ticker_items(updates: Iterable[Update]) -> list[TickerItem]:
    """Ticker items, newest first as the ticker takes them.

    Quotes read “text” — Speaker, role (outlet); news lines plainly.
    """
    items = []
    for update in sorted(updates, key=lambda u: u.published_at, reverse=True):
        if update.kind == "quote" and update.speaker:
            items.append(
                TickerItem.quote(update.id, update.text, update.speaker, update.role, update.outlet)
            )
        else:
            items.append(TickerItem.news(update.id, update.text))
    return items


class Display:
    """The widgets of one board, and what they were last given."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._shown: Snapshot | None = None
        self._contest: tuple[Snapshot, str, str | None] | None = None  # snapshot, contest, sort
        self._wall = WallDisplay(app)

    def push(self, state: BoardState, now: datetime) -> None:
        """Make the widgets show `state` at `now`."""
        app = self._app
        if not app.screen_stack:  # not composed yet, or shutting down
            return
        board = app.screen_stack[0]  # the board's own screen, even under the help screen
        bars = board.query(StatusBar)
        if not bars:  # not composed yet: `on_mount` pushes again
            return
        with app.batch_update():
            bars.first().view = status_view(state, now)
            contest = state.selected
            view = board.query_one(ContestView)
            if state.shown is not None and contest is not None:
                board.query_one(ContestTabs).update_tabs(tab_lines(state), contest.id)
                sort = state.sort_for(contest.kind)
                if self._contest != (state.shown, contest.id, sort):
                    self._contest = (state.shown, contest.id, sort)
                    view.show(contest, sort)
            view.mark(panel_mark(state, now))
            ticker = board.query_one(Ticker)
            ticker.paused = state.ticker_paused
            if state.shown is not None and state.shown is not self._shown:
                self._shown = state.shown
                ticker.add_items(ticker_items(state.shown.feed.updates))
            self._wall.push(board, state, now)
