"""Provides the party table's presentation: its sorts and their words, its lines in order, its
columns, and a legislature's seat bar.

Part of the one presentation (`board.present`, which re-exports all of this): the screen's
party table and `snapshot`'s both come from `party_lines`, so their orders never differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from feeds.contests import (
    NOC,
    Contest,
    CouncilsContest,
    LegislatureContest,
    LegislatureParty,
    PartyRow,
)
from widgets.views import (
    BALANCE_COLUMNS,
    COUNCIL_COLUMNS,
    LEGISLATURE_COLUMNS,
    Column,
    PartyLine,
    SeatShare,
)

__all__ = [
    "NOC_NAME",
    "SORTS",
    "SORT_WORDS",
    "SortKey",
    "is_balance",
    "party_columns",
    "party_lines",
    "seat_shares",
    "sort_lines",
]

SortKey = Literal[
    "councils", "seats", "seats_change", "share", "name", "office", "margin", "reporting", "called"
]
"""What a party table can be sorted by (all but "name" descending), and the races overview
(within each office: by place, closest margin first, least counted first, uncalled first)."""

SORTS: dict[str, tuple[SortKey, ...]] = {
    "councils": ("councils", "seats", "seats_change", "name"),
    "legislature": ("seats", "seats_change", "share", "name"),
    "races": ("office", "margin", "reporting", "called"),
}
"""The sorts `s` visits for each kind of contest, the first the default; other kinds have none
("races" is the one tab of a night of races, `board.race_views.RaceNight`)."""

SORT_WORDS: dict[SortKey, str] = {
    "councils": "councils",
    "seats": "seats",
    "seats_change": "seat change",
    "share": "vote share",
    "name": "name",
    "office": "office and state",
    "margin": "closest margin first",
    "reporting": "least counted first",
    "called": "not yet called first",
}
"""How a sort is named on screen ("Sorted by seat change")."""

NOC_NAME = "No Overall Control"


def _descending(value: float | None) -> tuple[bool, float]:
    """A sort key putting larger values first and missing values last."""
    return (value is None, -(value or 0))


_ORDERS: dict[SortKey, Callable[[PartyLine], tuple[object, ...]]] = {
    "councils": lambda p: (_descending(p.councils), _descending(p.seats), p.name.casefold()),
    "seats": lambda p: (_descending(p.seats), _descending(p.councils), p.name.casefold()),
    "seats_change": lambda p: (
        _descending(p.seats_change),
        _descending(p.seats),
        p.name.casefold(),
    ),
    "share": lambda p: (_descending(p.share), _descending(p.seats), p.name.casefold()),
    "name": lambda p: (p.name.casefold(),),
}


def sort_lines(lines: Sequence[PartyLine], sort: SortKey) -> list[PartyLine]:
    """`lines` in display order: by `sort`, ties by name then code, pinned lines (NOC) last."""
    order = _ORDERS[sort]
    return sorted(lines, key=lambda line: (line.pinned_last, order(line), line.key))


def party_lines(contest: Contest, sort: SortKey | None = None) -> list[PartyLine]:
    """The party table of a councils or legislature contest, sorted (default: the kind's first
    sort); NOC pinned last for councils. Other kinds have no party table: []."""
    if isinstance(contest, CouncilsContest):
        lines = [
            _line(party, councils=party.councils, councils_change=party.councils_change)
            for party in contest.parties
        ]
        noc = contest.no_overall_control
        lines.append(
            PartyLine(
                key=NOC,
                name=NOC_NAME,
                councils=noc.councils,
                councils_change=noc.councils_change,
                pinned_last=True,
            )
        )
    elif isinstance(contest, LegislatureContest):
        lines = [
            _line(party, share=party.share, share_change=party.share_change, leading=party.leading)
            for party in contest.parties
        ]
    else:
        return []
    sorts = SORTS[contest.kind]
    return sort_lines(lines, sort if sort in sorts else sorts[0])


def is_balance(contest: Contest) -> bool:
    """Whether `contest` is a balance of power (a party `leading` anywhere): seats won and
    leading apart, never added (an electoral college)."""
    return isinstance(contest, LegislatureContest) and any(
        party.leading is not None for party in contest.parties
    )


def party_columns(contest: Contest) -> tuple[Column, ...]:
    """The party table's columns: councils; a legislature's seats and shares; or, for a
    balance of power, seats won and leading apart. A legislature's seat change only where
    the feed gives one (an electoral college has no previous figures: no column of zeros)."""
    if isinstance(contest, CouncilsContest):
        return COUNCIL_COLUMNS
    columns = BALANCE_COLUMNS if is_balance(contest) else LEGISLATURE_COLUMNS
    if isinstance(contest, LegislatureContest) and all(
        party.seats_change is None for party in contest.parties
    ):
        return tuple(column for column in columns if column.field != "seats_change")
    return columns


def _line(party: PartyRow | LegislatureParty, **figures: Any) -> PartyLine:
    """A party's line: its code, name, colour and seats, and the kind's own `figures`."""
    return PartyLine(
        key=party.code,
        name=party.name,
        colour=party.colour,
        seats=party.seats,
        seats_change=party.seats_change,
        **figures,
    )


def seat_shares(contest: LegislatureContest) -> list[SeatShare]:
    """The seat bar's blocks: most seats first (ties by code); parties without seats left out."""
    parties = sorted(contest.parties, key=lambda party: (-party.seats, party.code))
    return [
        SeatShare(key=party.code, label=party.code, colour=party.colour, seats=party.seats)
        for party in parties
        if party.seats > 0
    ]
