"""Provides the mapping from feed models to what the widgets show.

The widgets know nothing of the feed format; the board turns each contest
into party lines, counter figures and declaration lines here, in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from feeds import NOC, Contest, CouncilsContest, LegislatureContest, MayorContest, Update
from feeds.contests import latest_first
from widgets.declarations import DeclarationLine
from widgets.party_table import PartyLine
from widgets.ticker import TickerItem

__all__ = ["Counter", "counter_of", "declaration_lines", "party_lines", "ticker_items"]


@dataclass(frozen=True)
class Counter:
    """The reporting counter's figures."""

    reported: int
    total: int
    noun: str


def party_lines(contest: Contest) -> list[PartyLine]:
    """The party table's lines for a contest; NOC pinned last for councils."""
    if isinstance(contest, CouncilsContest):
        lines = [
            PartyLine(
                key=party.code,
                name=party.name,
                colour=party.colour,
                councils=party.councils,
                councils_change=party.councils_change,
                seats=party.seats,
                seats_change=party.seats_change,
            )
            for party in contest.parties
        ]
        noc = contest.no_overall_control
        lines.append(
            PartyLine(
                key=NOC,
                name="No Overall Control",
                councils=noc.councils,
                councils_change=noc.councils_change,
                pinned_last=True,
            )
        )
        return lines
    if isinstance(contest, LegislatureContest):
        return [
            PartyLine(
                key=party.code,
                name=party.name,
                colour=party.colour,
                seats=party.seats,
                seats_change=party.seats_change,
                share=party.share,
                share_change=party.share_change,
            )
            for party in contest.parties
        ]
    return []


def counter_of(contest: Contest) -> Counter:
    """What the reporting counter shows for a contest."""
    if isinstance(contest, CouncilsContest):
        return Counter(contest.reported, contest.total, "councils")
    if isinstance(contest, LegislatureContest):
        return Counter(contest.reported, contest.total, "seats")
    if isinstance(contest, MayorContest):
        return Counter(contest.reported or 0, contest.total or 0, "areas")
    return Counter(0, 0, "results")


def declaration_lines(contest: Contest) -> list[DeclarationLine]:
    """Declarations newest first, with derived wording."""
    return [
        DeclarationLine(
            key=declaration.area,
            time=declaration.declared_at,
            area=declaration.area,
            wording=declaration.wording,
            changed_hands=declaration.changed_hands,
        )
        for declaration in latest_first(contest.declarations)
    ]


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
