"""Provides `Findable`: what `/` searches on the tab on screen — one finder for every kind.

The finder (`board/finder.py` ranks, `widgets/finder.py` lists,
`board/desk_screens.py` shows) knows nothing of areas: `findable(contest)`
says, for the contest on screen, what its items are (re-read on every new
snapshot, so the list follows the feed), what they are called, what the
highlighted one looks like beside the list, and what choosing one opens.
Councils, legislatures and mayoralties find their *areas*
(`board/area_view.py`) and open an area's result. A new kind of tab plugs in
here with its own items and `opens` (a night of races: its races, opening
the race — the app's `open_found` dispatches on `opens`). Nothing here
imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from board.area_view import area_items, area_view
from feeds.contests import Contest
from widgets.desk_views import AreaView, FinderItem

__all__ = ["Findable", "Opens", "findable"]

Opens = Literal["area"]
"""What choosing an item opens (the app's `open_found` knows each)."""


@dataclass(frozen=True)
class Findable:
    """What the finder searches for one contest."""

    contest_id: str
    """The contest searched (its items are re-read from each new snapshot)."""
    title: str
    """The contest's title, after "Find an area · " (untrusted text)."""
    noun: str
    """What the items are, in the plural: "areas"."""
    what: str
    """The finder's heading: "Find an area"."""
    items: Callable[[Contest], list[FinderItem]]
    """The items of the contest, in the order of an empty query."""
    preview: Callable[[Contest, str], AreaView | None]
    """What the highlighted item shows beside the list (None: nothing)."""
    opens: Opens
    """What choosing an item opens."""


def findable(contest: Contest) -> Findable | None:
    """What `/` searches on this contest, or None when it has nothing to find."""
    if not area_items(contest):
        return None
    return Findable(
        contest.id, contest.title, "areas", "Find an area", area_items, area_view, "area"
    )
