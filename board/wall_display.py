"""Provides `WallDisplay`: pushes a `BoardState` down to the wall, touching only what changed.

`Display.push` (`board/display.py`) calls it after every transition and once
a second. It sets the screen's `-wall` class from the state's wall switch
(`board/wall.py`; the stylesheet `board/wall.tcss` then shows the wall in
place of the tabs and the contest view) and, while the wall is shown, hands
it the selected contest's wall view (`board/wall_present.py`) only when the
snapshot, the selection or the sort changed, the state chips at their
moment (`board/look.py`: the same chips as the status bar, drawn large),
the projection, and the stale or failing mark.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import App
from textual.screen import Screen

from board.look import chips, panel_mark
from board.projection import projection_view
from board.race_views import RaceNight
from board.state import BoardState
from board.wall_present import wall_view
from feeds.source import Snapshot
from widgets.wall import Wall

__all__ = ["WallDisplay"]


class WallDisplay:
    """The wall of one board, and what it was last given."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._shown: tuple[Snapshot, str, str | None] | None = None  # snapshot, contest, sort

    def push(self, board: Screen[Any], state: BoardState, now: datetime) -> None:
        """Show or hide the wall as the state says; while shown, give it `state` at `now`."""
        contest = state.selected
        # A night of races is a list to move through, not leading figures: it stays the
        # races overview on a wall-sized terminal too.
        on = state.wall.on and not isinstance(contest, RaceNight)
        board.set_class(on, "-wall")
        if not on:
            return
        wall = board.query_one(Wall)
        wall.chips = chips(state, now)
        mark = panel_mark(state, now)
        wall.set_class(mark == "stale", "-stale")
        wall.set_class(mark == "error", "-error")
        if state.shown is None or contest is None or isinstance(contest, RaceNight):
            return
        sort = state.sort_for(contest.kind)
        if self._shown != (state.shown, contest.id, sort):
            self._shown = (state.shown, contest.id, sort)
            wall.view = wall_view(contest, sort)
            wall.projection = projection_view(contest)
