"""Provides the ticker's ages: fresh, faded or gone, by the feed's clock.

Every ticker item carries its time ("10:07 Ukip has had …"). An item older
than the producer's `--ticker-max-age` (default 30 minutes) is drawn faded;
older than twice that, it leaves the ticker — so "results will not be
revealed until later today" never scrolls past beside the result. Age is
measured on *the feed's clock*: the shown document's `published_at`, whatever
the mode — a night of 2016 replayed, recorded or served again through
`serve-feed` ages by its own hours, not by today's date. Only where the feed
gives no time of its own (`time_basis` "received": the board stamped it on
receipt) is the local clock used. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Literal

from board.desk import DEFAULT_TICKER_MAX_AGE
from board.state import BoardState
from feeds.models import Update

__all__ = ["DEFAULT_MAX_AGE", "Age", "age", "night_clock", "ticker_ages"]

DEFAULT_MAX_AGE = DEFAULT_TICKER_MAX_AGE
"""Items older than this fade; older than twice this they leave."""

Age = Literal["fresh", "faded", "gone"]


def night_clock(state: BoardState, now: datetime) -> datetime | None:
    """The feed's time at `now`: the shown document's `published_at`, or `now` where the feed
    gives none (its `time_basis` is "received"). None before the first snapshot."""
    if state.shown is None:
        return None
    feed = state.shown.feed
    return now if feed.time_basis == "received" else feed.published_at


def age(published_at: datetime, night: datetime, max_age: timedelta | None) -> Age:
    """How an item published at `published_at` looks at `night` (`max_age` None: never old)."""
    if max_age is None:
        return "fresh"
    old = night - published_at
    if old <= max_age:
        return "fresh"
    return "faded" if old <= 2 * max_age else "gone"


def ticker_ages(
    updates: Iterable[Update], night: datetime | None, max_age: timedelta | None
) -> list[tuple[Update, bool]]:
    """The items to show, newest first, each with whether it is faded; gone ones left out."""
    shown = []
    for update in sorted(updates, key=lambda u: u.published_at, reverse=True):
        looks = "fresh" if night is None else age(update.published_at, night, max_age)
        if looks != "gone":
            shown.append((update, looks == "faded"))
    return shown
