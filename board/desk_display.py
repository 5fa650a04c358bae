"""Provides `DeskDisplay`: pushes the desk's part of the state down — banner, ticker, open screens.

Called by `Display.push` (`board/display.py`) after every transition and once
a second. It gives the alert banner its view, the ticker exactly the items
young enough to show (each with its time, faded when old: `board/ticker_age.py`),
and every open desk screen the new state; it rings the terminal bell when an
alert is raised (with `--bell`) and says the unfreeze summary once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from textual.app import App
from textual.screen import Screen

from board.desk_screens import DeskScreen
from board.state import BoardState
from board.ticker_age import night_clock, ticker_ages
from feeds.models import Update
from widgets.alert_banner import AlertBanner
from widgets.ticker import PLACEHOLDER, Ticker, TickerItem

__all__ = ["OLD_ONLY", "DeskDisplay", "ticker_items"]

OLD_ONLY = "no recent updates"
"""What the ticker says when every item it had is too old to show."""


def ticker_items(updates: Iterable[tuple[Update, bool]]) -> list[TickerItem]:
    """Ticker items, newest first as the ticker takes them, each after its time ("10:07").

    Quotes read “text” — Speaker, role (outlet); news lines plainly.
    """
    items = []
    for update, faded in updates:
        time = f"{update.published_at:%H:%M}"
        if update.kind == "quote" and update.speaker:
            items.append(
                TickerItem.quote(
                    update.id,
                    update.text,
                    update.speaker,
                    update.role,
                    update.outlet,
                    time=time,
                    faded=faded,
                )
            )
        else:
            items.append(TickerItem.news(update.id, update.text, time=time, faded=faded))
    return items


class DeskDisplay:
    """What the desk last pushed, so only changes reach the widgets."""

    def __init__(self, app: App[Any], *, bell: bool = False) -> None:
        self._app = app
        self._bell = bell
        self._ticker: tuple[list[TickerItem], str] | None = None
        self._raised: int | None = None

    def push(self, board: Screen[Any], state: BoardState, now: datetime) -> None:
        """Show the desk's part of `state` at `now` (`board`: the board's own screen)."""
        desk = state.desk
        board.query_one(AlertBanner).view = desk.banner
        if self._raised is not None and desk.raised > self._raised and self._bell:
            self._app.bell()
        self._raised = desk.raised
        if state.shown is not None:
            ages = ticker_ages(
                state.shown.feed.updates, night_clock(state, now), desk.ticker_max_age
            )
            items = ticker_items(ages)
            placeholder = OLD_ONLY if state.shown.feed.updates and not items else PLACEHOLDER
            # The placeholder counts too: a first document whose items have all aged out
            # leaves the items as they were (none) but says so.
            if (items, placeholder) != self._ticker:
                self._ticker = items, placeholder
                board.query_one(Ticker).keep_items(items, placeholder)
        for screen in self._app.screen_stack[1:]:
            if isinstance(screen, DeskScreen):
                screen.follow(state)
