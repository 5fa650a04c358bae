"""Provides the mapping from feed models to what the widgets show.

The widgets know nothing of the feed format; the board turns each contest
into party lines, counter figures and declaration lines here, in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from feeds import NOC, Contest, CouncilsContest, LegislatureContest, MayorContest, Update
from feeds.contests import Candidate, latest_first
from widgets.candidates import CandidateLine
from widgets.declarations import DeclarationLine
from widgets.party_table import PartyLine
from widgets.seat_bar import SeatShare
from widgets.ticker import TickerItem

__all__ = [
    "Counter",
    "candidate_lines",
    "counter_of",
    "declaration_lines",
    "party_lines",
    "seat_shares",
    "ticker_items",
]


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
                leading=party.leading,
                share=party.share,
                share_change=party.share_change,
            )
            for party in contest.parties
        ]
    return []


def seat_shares(contest: LegislatureContest) -> list[SeatShare]:
    """The seat bar's blocks: most seats first (ties by code); parties without seats left out."""
    parties = sorted(contest.parties, key=lambda party: (-party.seats, party.code))
    return [
        SeatShare(key=party.code, label=party.code, colour=party.colour, seats=party.seats)
        for party in parties
        if party.seats > 0
    ]


def candidate_lines(contest: MayorContest) -> list[CandidateLine]:
    """The candidates table's lines, keyed by name.

    A share the feed leaves out is worked out from the votes of the candidates
    still in the count (all of them in round 1; in the final round an
    eliminated candidate's votes are from round 1, so their share stays unknown).
    """

    def in_count(candidate: Candidate) -> bool:
        return contest.round == 1 or not candidate.eliminated

    whole = sum(candidate.votes for candidate in contest.candidates if in_count(candidate))
    lines = []
    for candidate in contest.candidates:
        share = candidate.share
        if share is None and whole and in_count(candidate):
            share = 100.0 * candidate.votes / whole
        lines.append(
            CandidateLine(
                key=candidate.name,
                name=candidate.name,
                party=candidate.party,
                colour=candidate.colour,
                votes=candidate.votes,
                share=share,
                elected=candidate.elected,
                eliminated=candidate.eliminated,
            )
        )
    return lines


def counter_of(contest: Contest) -> Counter:
    """What the reporting counter shows for a contest."""
    if isinstance(contest, CouncilsContest):
        return Counter(contest.reported, contest.total, "councils")
    if isinstance(contest, LegislatureContest):
        return Counter(contest.reported, contest.total, contest.unit)
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
