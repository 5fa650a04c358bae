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


def _election(root: Element) -> Element:
    return child(root, "Election")


def _election_name(election: Element, default: str) -> str:
    return text(election, "name") or default


def _seats(parent: Element | None, attribute: str) -> tuple[m.PartySeats, ...]:
    if parent is None:
        return ()
    return tuple(
        m.PartySeats(text(party, "name", 16), signed(party, attribute))
        for party in parent.iter("Party")
    )


def _local_result(root: Element) -> m.LocalResult:
    election = _election(root)
    council = child(election, "Council")
    return m.LocalResult(
        election=_election_name(election, "Local elections"),
        council=text(council, "name"),
        winning=text(council, "winningParty", 16),
        sitting=text(council, "sittingParty", 16),
        gain_or_hold=text(council, "gainOrHold").lower(),
        proportion=text(council, "proportion"),
        new_council=_seats(council.find("NewCouncil"), "seats"),
        changes=_seats(council.find("Changes"), "change"),
        elected=_seats(council.find("ElectedCouncillors"), "seats"),
        revision=count(root, "revision"),
    )


def _local_sop(root: Element) -> m.LocalStateOfParties:
    election = _election(root)
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
        election=_election_name(election, "Local elections"),
        region=text(root, "region") or "All",
        reported=count(root, "numberOfResults"),
        total=count(root, "totalNumberOfCouncils"),
        parties=tuple(parties),
        noc=noc,
        councils=tuple(text(c, "name") for c in root.iterfind("CouncilsIncluded/Council")),
        revision=count(root, "revision"),
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
    election = _election(root)
    seat = child(election, "Constituency")
    return m.FptpResult(
        election=_election_name(election, "Election"),
        election_type=text(election, "type", 8),
        area=text(seat, "name"),
        winning=text(seat, "winningParty", 16),
        sitting=text(seat, "sittingParty", 16),
        gain_or_hold=text(seat, "gainOrHold").lower(),
        candidates=_candidates(seat),
        majority=optional(seat, "majority"),
        votes=optional(seat, "turnout"),
        turnout=percent(seat, "percentageTurnout"),
        electorate=optional(seat, "electorate"),
        declared_at=moment(root, "declarationTime"),
        revision=count(root, "revision"),
    )


def _fptp_rush(root: Element) -> m.FptpRush:
    election = _election(root)
    seat = child(election, "Constituency")
    return m.FptpRush(
        election=_election_name(election, "Election"),
        election_type=text(election, "type", 8),
        area=text(seat, "name"),
        winning=text(seat, "winningPartyAbbreviation", 16),
        sitting=text(seat, "sittingPartyAbbreviation", 16),
        gain_or_hold=text(seat, "gainOrHold").lower(),
        message=text(seat, "paStyleMessageText", 200),
        candidates=_candidates(seat),
        revision=count(root, "revision"),
    )


def _fptp_sop(root: Element) -> m.FptpStateOfParties:
    election = _election(root)
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
        election=_election_name(election, "Election"),
        election_type=text(election, "type", 8),
        reported=count(root, "numberOfResults"),
        total=count(root, "totalNumberOfConstituencies"),
        parties=parties,
        forecast=forecast,
        note=text(root, "note", 300),
        revision=count(root, "revision"),
    )


def _recount(root: Element) -> m.Recount:
    election = _election(root)
    seat = election.find("Constituency")
    seat = seat if seat is not None else child(election, "VotingArea")
    return m.Recount(
        election=_election_name(election, "Election"),
        area=text(seat, "name"),
        recount=count(seat, "recount") or 1,
        revision=count(root, "revision"),
    )


def _top_up_result(root: Element) -> m.TopUpResult:
    election = _election(root)
    region = child(election, "Constituency")
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
        election=_election_name(election, "Election"),
        election_type=text(election, "type", 8),
        area=text(region, "name"),
        winning=text(region, "winningParty", 16),
        elected=tuple(c for c in _candidates(region) if c.elected),
        parties=parties,
        votes=optional(region, "turnout"),
        turnout=percent(region, "percentageTurnout"),
        electorate=optional(region, "electorate"),
        declared_at=moment(root, "declarationTime"),
        revision=count(root, "revision"),
    )


def _top_up_rush(root: Element) -> m.TopUpRush:
    election = _election(root)
    region = child(election, "Constituency")
    return m.TopUpRush(
        election=_election_name(election, "Election"),
        election_type=text(election, "type", 8),
        area=text(region, "name"),
        elected=tuple(c for c in _candidates(region) if c.elected),
        revision=count(root, "revision"),
    )


def _standing(parties: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    found: dict[str, tuple[str, str]] = {}
    for code, name in parties:
        if code:
            found.setdefault(code, (code, name))
    return tuple(found.values())


def _local_nominations(root: Element) -> m.Nominations:
    council = child(_election(root), "Council")
    codes = [(text(p, "abbreviation", 16) or text(p, "name", 16), text(p, "name"))
             for p in council.iter("Party")]  # fmt: skip
    return m.Nominations("Local elections", "", "local", text(council, "name"),
                         _standing(codes), (), count(root, "revision"))  # fmt: skip


def _area_nominations(system: str) -> Callable[[Element], m.Nominations]:
    def read(root: Element) -> m.Nominations:
        election = _election(root)
        area = child(election, "Constituency")
        people = _candidates(area)
        standing = _standing([(c.party, c.party_name) for c in people])
        return m.Nominations(_election_name(election, "Election"), text(election, "type", 8),
                             system, text(area, "name"), standing, people,
                             count(root, "revision"))  # fmt: skip

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
