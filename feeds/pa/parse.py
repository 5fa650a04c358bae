"""Provides `read_message`: a PA message's root element → its intermediate record.

The root element names the message type (`LocalElectionResult`,
`FirstPastThePostStateOfParties`, …); the shapes are those of PA's schemas as
the spec pages describe them and PA's test-rota files show them: the root
carries `revision` (and `declarationTime` on results), its `Election` child
the election's `name`, `date` and `type`, and under it the `Council` or
`Constituency`. Nominations (`LocalElectionNominations`, `FirstPastThePostNominations`,
`TopUpNominations`) give every area electing: a `Council` with its `Party` rows, or a
`Constituency` with its `Candidate`s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypedDict
from xml.etree.ElementTree import Element

from feeds.pa import messages as m
from feeds.pa.xml import child, count, flag, moment, optional, percent, signed, text
from feeds.text import clean_text

__all__ = ["UnknownMessage", "read_message"]


class UnknownMessage(ValueError):
    """Raised for a root element that is no PA message type the board reads; names it."""


def read_message(root: Element) -> m.Message:
    """The record of the message `root`.

    Raises:
        UnknownMessage: the root element is not a message type the board knows.
        ValueError: a number that is not one, or a required element missing.
    """
    tag = root.tag
    reader = _READERS.get(tag)
    if reader is None:
        raise UnknownMessage(f"unknown message type <{clean_text(tag, 40)}>")
    return reader(root)


class _Heading(TypedDict):
    election: str
    revision: int


class _AreaHeading(_Heading):
    election_type: str
    area: str


def _heading(root: Element, default: str = "Election") -> _Heading:
    """`m.Heading`'s fields: the election's name (`default` where it has none), the revision."""
    name = text(child(root, "Election"), "name") or default
    return {"election": name, "revision": count(root, "revision")}


def _area(root: Element) -> tuple[Element, _AreaHeading]:
    """The message's `Election/Constituency`, and `m.AreaHeading`'s fields."""
    election = child(root, "Election")
    area = child(election, "Constituency")
    heading = _heading(root)
    return area, {**heading, "election_type": text(election, "type", 8), "area": text(area, "name")}


class _AreaCount(_AreaHeading):
    votes: int | None
    turnout: float | None
    electorate: int | None
    declared_at: datetime | None


def _counted(root: Element) -> tuple[Element, _AreaCount]:
    """The result's `Election/Constituency`, and `m.AreaCount`'s fields."""
    area, heading = _area(root)
    return area, {
        **heading,
        "votes": optional(area, "turnout"),
        "turnout": percent(area, "percentageTurnout"),
        "electorate": optional(area, "electorate"),
        "declared_at": moment(root, "declarationTime"),
    }


def _seats(parent: Element | None, attribute: str) -> tuple[m.PartySeats, ...]:
    if parent is None:
        return ()
    return tuple(
        m.PartySeats(text(party, "name", 16), signed(party, attribute))
        for party in parent.iter("Party")
    )


def _local_result(root: Element) -> m.LocalResult:
    council = child(child(root, "Election"), "Council")
    return m.LocalResult(
        **_heading(root, "Local elections"),
        council=text(council, "name"),
        winning=text(council, "winningParty", 16),
        sitting=text(council, "sittingParty", 16),
        gain_or_hold=text(council, "gainOrHold").lower(),
        proportion=text(council, "proportion"),
        new_council=_seats(council.find("NewCouncil"), "seats"),
        changes=_seats(council.find("Changes"), "change"),
        elected=_seats(council.find("ElectedCouncillors"), "seats"),
    )


def _local_sop(root: Element) -> m.LocalStateOfParties:
    heading = _heading(root, "Local elections")
    parties, noc = [], None
    for party in root.iterfind("Parties/Party"):
        row = m.LocalParty(
            code=text(party, "abbreviation", 16),
            name=text(party, "name"),
            councils=count(party, "totalCouncils"),
            councils_change=signed(party, "changeInControl"),
            seats=count(party, "seatsWon"),
            seats_change=signed(party, "netChangeInSeats"),
        )
        if row.code.upper() == "NOC" or row.name.lower() == "no overall control":
            noc = row
        else:
            parties.append(row)
    return m.LocalStateOfParties(
        **heading,
        region=text(root, "region") or "All",
        reported=count(root, "numberOfResults"),
        total=count(root, "totalNumberOfCouncils"),
        parties=tuple(parties),
        noc=noc,
        councils=tuple(text(c, "name") for c in root.iterfind("CouncilsIncluded/Council")),
    )


def _candidates(constituency: Element) -> tuple[m.Candidate, ...]:
    found = []
    for candidate in constituency.iterfind("Candidate"):
        party = candidate.find("Party")
        party = party if party is not None else Element("Party")
        name = " ".join(
            part for part in (text(candidate, "firstName"), text(candidate, "surname")) if part
        )
        found.append(
            m.Candidate(
                name=name or text(candidate, "ballotName") or "(unnamed)",
                party=text(party, "abbreviation", 16) or "Ind",
                party_name=text(party, "name"),
                votes=count(party, "votes"),
                share=percent(party, "percentageShare"),
                share_change=percent(party, "percentageShareChange"),
                elected=flag(candidate, "elected"),
                list_rank=count(candidate, "partyListRank"),
            )
        )
    return tuple(found)


def _fptp_result(root: Element) -> m.FptpResult:
    seat, heading = _counted(root)
    return m.FptpResult(
        **heading,
        winning=text(seat, "winningParty", 16),
        sitting=text(seat, "sittingParty", 16),
        gain_or_hold=text(seat, "gainOrHold").lower(),
        candidates=_candidates(seat),
        majority=optional(seat, "majority"),
    )


def _fptp_rush(root: Element) -> m.FptpRush:
    seat, heading = _area(root)
    return m.FptpRush(
        **heading,
        winning=text(seat, "winningPartyAbbreviation", 16),
        sitting=text(seat, "sittingPartyAbbreviation", 16),
        gain_or_hold=text(seat, "gainOrHold").lower(),
        message=text(seat, "paStyleMessageText", 200),
        candidates=_candidates(seat),
    )


def _fptp_sop(root: Element) -> m.FptpStateOfParties:
    heading = _heading(root)
    parties = tuple(
        m.FptpParty(
            code=text(party, "abbreviation", 16),
            name=text(party, "name"),
            seats=count(party, "totalSeats"),
            gains=count(party, "gains"),
            losses=count(party, "losses"),
            votes=optional(party, "totalVotes"),
            share=percent(party, "percentageShare"),
            share_change=percent(party, "percentageChange"),
            forecast_seats=optional(party, "forecastSeats"),
        )
        for party in root.iterfind("Parties/Party")
    )
    forecast = text(root, "forecastWinningParty")
    if forecast and root.get("forecastMajority", "").strip():
        forecast = f"{forecast}, majority {signed(root, 'forecastMajority')}"
    return m.FptpStateOfParties(
        **heading,
        election_type=text(child(root, "Election"), "type", 8),
        reported=count(root, "numberOfResults"),
        total=count(root, "totalNumberOfConstituencies"),
        parties=parties,
        forecast=forecast,
        note=text(root, "note", 300),
    )


def _recount(root: Element) -> m.Recount:
    heading = _heading(root)
    election = child(root, "Election")
    seat = election.find("Constituency")
    seat = seat if seat is not None else child(election, "VotingArea")
    return m.Recount(
        **heading,
        area=text(seat, "name"),
        recount=count(seat, "recount") or 1,
    )


def _top_up_result(root: Element) -> m.TopUpResult:
    region, heading = _counted(root)
    parties = tuple(
        m.PartyVotes(
            text(party, "abbreviation", 16),
            text(party, "name"),
            count(party, "votes"),
            percent(party, "percentageShare"),
        )
        for party in region.iterfind("Party")
    )
    return m.TopUpResult(
        **heading,
        winning=text(region, "winningParty", 16),
        elected=tuple(c for c in _candidates(region) if c.elected),
        parties=parties,
    )


def _top_up_rush(root: Element) -> m.TopUpRush:
    region, heading = _area(root)
    return m.TopUpRush(**heading, elected=tuple(c for c in _candidates(region) if c.elected))


def _standing(parties: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    found: dict[str, tuple[str, str]] = {}
    for code, name in parties:
        if code:
            found.setdefault(code, (code, name))
    return tuple(found.values())


def _local_nominations(root: Element) -> m.Nominations:
    council = child(child(root, "Election"), "Council")
    codes = [(text(p, "abbreviation", 16) or text(p, "name", 16), text(p, "name"))
             for p in council.iter("Party")]  # fmt: skip
    return m.Nominations(
        **_heading(root, "Local elections"),
        election_type="",
        area=text(council, "name"),
        system="local",
        parties=_standing(codes),
        candidates=(),
    )


def _area_nominations(system: str) -> Callable[[Element], m.Nominations]:
    def read(root: Element) -> m.Nominations:
        area, heading = _area(root)
        people = _candidates(area)
        standing = _standing([(c.party, c.party_name) for c in people])
        return m.Nominations(**heading, system=system, parties=standing, candidates=people)

    return read


_READERS: dict[str, Callable[[Element], m.Message]] = {
    "LocalElectionNominations": _local_nominations,
    "FirstPastThePostNominations": _area_nominations("fptp"),
    "TopUpNominations": _area_nominations("top-up"),
    "LocalElectionResult": _local_result,
    "LocalStateOfParties": _local_sop,
    "FirstPastThePostResult": _fptp_result,
    "FirstPastThePostRush": _fptp_rush,
    "FirstPastThePostStateOfParties": _fptp_sop,
    "Recount": _recount,
    "TopUpResult": _top_up_result,
    "TopUpRush": _top_up_rush,
}
"""Each root element the board reads, and its reader."""
