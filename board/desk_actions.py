"""Provides `DeskActions`: the desk's keys — find an area (`/`), acknowledge (`a`), moments (`m`).

A mixin of `ResultsBoard` (`board/app.py`), so the app module stays the
app's: each action is a pure transition of the state (`board/state.py`) or
opens a desk screen (`board/desk_screens.py`). While a desk screen (or the
help) is open, the board's contest keys (tab, shift+tab) belong to it:
`check_action` turns the board's off under a modal screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import App
from textual.screen import Screen

from board.findable import Findable, findable
from board.state import BoardState

__all__ = ["DeskActions"]

BOARD_ONLY = frozenset({"next_contest", "select_contest"})
"""Actions of the board screen that a modal screen over it must not trigger."""


class DeskActions(App[int]):
    """The desk's actions; the app provides `state`, `set_state` and `clock`."""

    state: BoardState
    clock: Callable[[], datetime]

    def set_state(self, state: BoardState) -> None:  # pragma: no cover - the app's
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The board's contest keys only on the board's own screen (not under a modal)."""
        if action in BOARD_ONLY and len(self.screen_stack) > 1:
            return False
        return super().check_action(action, parameters)

    def action_find(self) -> None:
        """`/`: find an item of the tab on screen by typing — an area of a contest (all of them,
        when nothing is typed: declared newest first, then still to declare), or a race."""
        from board.desk_screens import FinderScreen

        selected = self.state.selected
        if selected is None:
            self.notify("Nothing to search yet: no figures have arrived", timeout=3)
            return
        found = findable(self.state)
        if found is None:
            self.notify(f"{selected.title}: the feed lists nothing to find here", markup=False)
            return
        self.push_screen(FinderScreen(found, self.state))

    def open_found(self, found: Findable, key: str, *, replace: Screen[None] | None = None) -> None:
        """Open what the finder found (closing `replace`, the finder, first): an area's result
        on its own page, or a race in the races tab."""
        from board.desk_screens import AreaScreen

        if replace is not None:
            replace.dismiss()
        if found.opens == "area":
            self.push_screen(AreaScreen(found.tab_id, key))
        else:
            self.set_state(self.state.open(key))
            self.refresh_bindings()

    def action_acknowledge(self) -> None:
        """`a`: the alert on the banner acknowledged; the next unacknowledged shows."""
        self.set_state(self.state.acknowledge())

    def action_acknowledge_all(self) -> None:
        """`A` (shift+a): every alert on the banner acknowledged."""
        self.set_state(self.state.acknowledge_all())

    def action_moments(self) -> None:
        """`m`: the night's key moments, newest first."""
        from board.desk_screens import MomentsScreen

        if not isinstance(self.screen, MomentsScreen):
            self.push_screen(MomentsScreen())
