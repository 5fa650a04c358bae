"""Provides `Findable`: what `/` searches on the tab on screen — one finder for every kind.

The finder (`board/finder.py` ranks, `widgets/finder.py` lists,
`board/desk_screens.py` shows) knows nothing of areas or races:
`findable(state)` says, for the tab on screen, what its items are (read again
from every new state, so the list follows the feed), what they are called,
what the highlighted one shows beside the list, and what choosing one opens
(the app's `open_found` dispatches on `opens`):

| tab | items (scopes) | beside the list, and opened |
|---|---|---|
| councils, legislature, mayor | its areas (declared, still to declare) | the area's result |
| a night of races (AP) | its races, by title or candidate (offices) | the race |

Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

from board.area_view import area_items, area_view
from board.present import counter_of
from board.race_views import RaceNight, progress, race_status
from board.state import BoardState
from feeds.contests import Contest
from widgets.desk_views import AreaRow, AreaView, FinderItem

__all__ = ["Findable", "Opens", "findable", "race_items"]

Opens = Literal["area", "race"]
"""What choosing an item opens (the app's `open_found` knows each)."""

CANDIDATES_MATCHED = 4
"""How many of a race's leading candidates find it by name."""


@dataclass(frozen=True)
class Findable:
    """What the finder searches on one tab."""

    tab_id: str
    """The tab searched (a contest's id, or the races tab's)."""
    title: str
    """The tab's title, after the heading (untrusted text)."""
    noun: str
    """What the items are, in the plural: "areas", "races"."""
    what: str
    """The finder's heading: "Find an area", "Find a race"."""
    items: Callable[[BoardState], list[FinderItem] | None]
    """The tab's items in `state`, in the order of an empty query (None: the tab is gone)."""
    preview: Callable[[BoardState, str], AreaView | None]
    """What the highlighted item shows beside the list (None: nothing)."""
    opens: Opens
    """What choosing an item opens."""
    in_all: Callable[[BoardState], str] = lambda state: ""
    """How many there are in all where the feed lists fewer items: "124 councils" (the
    counter's total and noun) beside "103 of 103 areas listed"; "" when it lists them all."""


def findable(state: BoardState) -> Findable | None:
    """What `/` searches on the tab on screen, or None when it has nothing to find. A tab
    without areas on a night of races (its balance of power) finds the night's races."""
    selected = state.selected
    if selected is None:
        return None
    if isinstance(selected, RaceNight) or not area_items(selected):
        night = _night(state)
        if night is None or not night.races:
            return None
        return Findable(
            night.id, night.title, "races", "Find a race", _races, _race_preview, "race"
        )
    return Findable(
        selected.id,
        selected.title,
        "areas",
        "Find an area",
        partial(_areas, selected.id),
        partial(_area_preview, selected.id),
        "area",
        partial(_areas_in_all, selected.id),
    )


def _contest(state: BoardState, contest_id: str) -> Contest | None:
    return None if state.shown is None else state.shown.feed.contest(contest_id)


def _areas(contest_id: str, state: BoardState) -> list[FinderItem] | None:
    contest = _contest(state, contest_id)
    return None if contest is None else area_items(contest)


def _areas_in_all(contest_id: str, state: BoardState) -> str:
    contest = _contest(state, contest_id)
    counter = None if contest is None else counter_of(contest)
    if contest is None or counter is None:
        return ""
    listed = len(area_items(contest))
    return f"{counter.total} {counter.noun}" if counter.total > listed else ""


def _area_preview(contest_id: str, state: BoardState, key: str) -> AreaView | None:
    contest = _contest(state, contest_id)
    return None if contest is None else area_view(contest, key)


def _night(state: BoardState) -> RaceNight | None:
    return next((item for item in state.items if isinstance(item, RaceNight)), None)


def race_items(night: RaceNight) -> list[FinderItem]:
    """Every race, in the overview's order: found by its title ("ks sen" finds "KS U.S.
    Senate") or by a leading candidate's name ("quill"), grouped by office for `tab`."""
    return [
        FinderItem(
            key=race.id,
            name=race.title,
            detail=race_status(race),
            section=race.office,
            also=" ".join(c.name for c in race.ranked()[:CANDIDATES_MATCHED]),
        )
        for race in night.races
    ]


def _races(state: BoardState) -> list[FinderItem] | None:
    night = _night(state)
    return None if night is None else race_items(night)


def _race_preview(state: BoardState, key: str) -> AreaView | None:
    """A race beside the list: its status (CALLED or leading, never alike), how much is in,
    and the candidates with votes and shares."""
    night = _night(state)
    race = None if night is None else night.race(key)
    if night is None or race is None:
        return None
    rows = tuple(
        AreaRow(
            key=candidate.name,
            name=candidate.name + (" (i)" if candidate.incumbent else ""),
            party=candidate.party or "",
            colour=candidate.colour,
            figure=candidate.votes,
            share=race.share_of(candidate),
            elected=candidate.winner,
        )
        for candidate in race.ranked()
    )
    return AreaView(
        race.title, night.title, race_status(race), facts=(progress(race),), kind="candidates",
        rows=rows,
    )  # fmt: skip
