"""Provides writers of PA election XML, for the synthetic PA night and the tests' fixtures.

Written from PA's public specification (election.pressassociation.com: "Local
councils XML", "FPTP and PR top-up XML") with PA's conventions: every value a
string, changes signed ("+7", "-2"), an attribute left out when it is zero,
`elected="*"`, the root's `revision`. The figures given are the caller's;
nothing here is PA's data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement, tostring

__all__ = [
    "Cand",
    "Sop",
    "file_name",
    "fptp_result",
    "fptp_rush",
    "fptp_sop",
    "local_nominations",
    "local_result",
    "local_sop",
    "nominations",
    "recount",
    "top_up_result",
    "top_up_rush",
]


def file_name(election: str, kind: str, area: str, revision: int) -> str:
    """`{Election}_{type}_{area}_{revision}.xml`, spaces and "&" as PA writes them."""
    parts = [election, kind, area.replace("&", "and")] if area else [election, kind]
    return "_".join(p.replace(" ", "_") for p in parts) + f"_{revision}.xml"


def _signed(value: int | float) -> str:
    return f"{value:+d}" if isinstance(value, int) else f"{value:+.2f}"


def _set(element: Element, **values: object) -> Element:
    """Set attributes, leaving out zeros and Nones as PA does."""
    for name, value in values.items():
        if value is None or value == 0 or value == "":
            continue
        element.set(name, value if isinstance(value, str) else str(value))
    return element


def _xml(root: Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode()


def local_result(
    council: str,
    *,
    winning: str,
    sitting: str,
    new_council: Mapping[str, int],
    changes: Mapping[str, int],
    elected: Mapping[str, int] | None = None,
    proportion: str = "third",
    revision: int = 1,
    date: str = "2016-05-05",
) -> bytes:
    """A `LocalElectionResult`: `gainOrHold` follows from `winning` and `sitting`."""
    root = _set(Element("LocalElectionResult"), revision=revision)
    election = _set(SubElement(root, "Election"), date=date, paId="1")
    outcome = "no change" if winning == sitting else "lose to NOC" if winning == "NOC" else "gain"
    node = _set(SubElement(election, "Council"), name=council, proportion=proportion,
                winningParty=winning, gainOrHold=outcome, sittingParty=sitting)  # fmt: skip
    for section, figures, attribute in (
        ("Changes", {k: _signed(v) for k, v in changes.items() if v}, "change"),
        ("NewCouncil", new_council, "seats"),
        ("ElectedCouncillors", elected or {}, "seats"),
    ):
        if figures:
            parent = SubElement(node, section)
            for party, value in figures.items():
                SubElement(parent, "Party", {"name": party, attribute: str(value)})
    return _xml(root)


@dataclass(frozen=True)
class Sop:
    """One party row of a state of parties: local (councils, seats) or FPTP (seats, votes)."""

    abbreviation: str
    name: str
    councils: int = 0
    councils_change: int = 0
    seats: int = 0
    seats_change: int = 0
    gains: int = 0
    losses: int = 0
    votes: int = 0
    share: float | None = None
    share_change: float | None = None
    forecast: int = 0


def local_sop(
    parties: Iterable[Sop],
    *,
    reported: int,
    total: int,
    region: str = "All",
    councils: Sequence[str] = (),
    revision: int = 1,
    date: str = "2016-05-05",
) -> bytes:
    """A `LocalStateOfParties`; a row with abbreviation "NOC" is No Overall Control."""
    root = Element("LocalStateOfParties", region=region)
    _set(root, revision=revision, numberOfResults=reported, totalNumberOfCouncils=total)
    _set(SubElement(root, "Election"), date=date, paId="1")
    rows = SubElement(root, "Parties")
    for p in parties:
        _set(SubElement(rows, "Party"), name=p.name, abbreviation=p.abbreviation,
             totalCouncils=str(p.councils), changeInControl=_signed(p.councils_change),
             seatsWon=str(p.seats), netChangeInSeats=_signed(p.seats_change))  # fmt: skip
    included = SubElement(root, "CouncilsIncluded")
    for name in councils:
        SubElement(included, "Council", name=name)
    return _xml(root)


@dataclass(frozen=True)
class Cand:
    """A candidate: names, party, votes and share; `elected` marks the winner."""

    first: str
    surname: str
    party: str
    party_name: str
    votes: int = 0
    share: float | None = None
    elected: bool = False
    rank: int = 0


def _election(root: Element, election: str, kind: str, date: str) -> Element:
    return _set(SubElement(root, "Election"), name=election, date=date, type=kind)


def _candidates(seat: Element, candidates: Iterable[Cand], with_votes: bool) -> None:
    for c in candidates:
        node = _set(SubElement(seat, "Candidate"), elected="*" if c.elected else None,
                    firstName=c.first, surname=c.surname, partyListRank=c.rank)  # fmt: skip
        party = _set(SubElement(node, "Party"), name=c.party_name, abbreviation=c.party)
        if with_votes:
            _set(party, votes=str(c.votes),
                 percentageShare=None if c.share is None else f"{c.share:.2f}")  # fmt: skip


def fptp_result(
    election: str,
    area: str,
    candidates: Sequence[Cand],
    *,
    winning: str,
    sitting: str,
    kind: str = "G",
    electorate: int = 0,
    turnout: float | None = None,
    declared: str = "",
    revision: int = 1,
    date: str = "2016-05-05",
) -> bytes:
    """A `FirstPastThePostResult`; majority and votes cast follow from the candidates."""
    root = _set(Element("FirstPastThePostResult"), revision=revision, declarationTime=declared)
    votes = sorted((c.votes for c in candidates), reverse=True)
    seat = _set(SubElement(_election(root, election, kind, date), "Constituency"), name=area,
                electorate=electorate, turnout=sum(votes),
                percentageTurnout=None if turnout is None else f"{turnout:.2f}",
                winningParty=winning, sittingParty=sitting,
                gainOrHold="hold" if winning == sitting else "gain",
                majority=votes[0] - votes[1] if len(votes) > 1 else votes[0])  # fmt: skip
    _candidates(seat, candidates, True)
    return _xml(root)


def fptp_rush(
    election: str, area: str, candidates: Sequence[Cand], *, winning: str, sitting: str,
    kind: str = "G", revision: int = 1, date: str = "2016-05-05",
) -> bytes:  # fmt: skip
    """A `FirstPastThePostRush`: the winner alone, PA's message text, no votes."""
    root = _set(Element("FirstPastThePostRush"), revision=revision)
    outcome = "hold" if winning == sitting else "gain"
    text = f"{winning} {outcome}" + ("" if winning == sitting else f" from {sitting}")
    seat = _set(SubElement(_election(root, election, kind, date), "Constituency"), name=area,
                winningPartyAbbreviation=winning, sittingPartyAbbreviation=sitting,
                gainOrHold=outcome, paStyleMessageText=f"{text} in {area}")  # fmt: skip
    _candidates(seat, candidates, False)
    return _xml(root)


def fptp_sop(
    election: str, parties: Iterable[Sop], *, reported: int, total: int, kind: str = "G",
    forecast: str = "", note: str = "", revision: int = 1, date: str = "2016-05-05",
) -> bytes:  # fmt: skip
    """A `FirstPastThePostStateOfParties`, forecast included when given."""
    rows = list(parties)
    root = _set(Element("FirstPastThePostStateOfParties"), revision=revision,
                numberOfResults=reported, totalNumberOfConstituencies=total,
                totalVotes=sum(p.votes for p in rows), forecastWinningParty=forecast,
                note=note)  # fmt: skip
    _election(root, election, kind, date)
    node = SubElement(root, "Parties")
    for p in rows:
        _set(SubElement(node, "Party"), name=p.name, abbreviation=p.abbreviation,
             totalSeats=p.seats, gains=p.gains, losses=p.losses, totalVotes=p.votes,
             percentageShare=None if p.share is None else f"{p.share:.2f}",
             percentageChange=None if p.share_change is None else _signed(p.share_change),
             forecastSeats=p.forecast)  # fmt: skip
    return _xml(root)


def local_nominations(
    council: str, parties: Mapping[str, tuple[str, int]], *, proportion: str = "third",
    kind: str = "", revision: int = 1, date: str = "2016-05-05",
) -> bytes:  # fmt: skip
    """A `LocalElectionNominations`: a council and each party standing, by abbreviation →
    (name, candidates; 0 leaves the count out); `kind` is PA's council type ("Metro",
    "Unitary", "Non-met"…, left out when ""). PA names the file
    `Local_nominations_{council}.xml`."""
    root = _set(Element("LocalElectionNominations"), revision=revision)
    election = _set(SubElement(root, "Election"), date=date, paId="1")
    node = _set(SubElement(election, "Council"), name=council, type=kind, proportion=proportion)
    for code, (name, count) in parties.items():
        _set(SubElement(node, "Party"), name=name, abbreviation=code, candidates=count)
    return _xml(root)


def nominations(
    election: str, area: str, candidates: Sequence[Cand], *, kind: str = "G",
    top_up: bool = False, revision: int = 1, date: str = "2016-05-05",
) -> bytes:  # fmt: skip
    """A `FirstPastThePostNominations` (or `TopUpNominations`): an area and its candidates;
    PA names the file `{Election}_nominations_{area}_{revision}.xml`."""
    root = _set(Element("TopUpNominations" if top_up else "FirstPastThePostNominations"),
                revision=revision)  # fmt: skip
    seat = SubElement(_election(root, election, kind, date), "Constituency", name=area)
    _candidates(seat, candidates, False)
    return _xml(root)


def recount(election: str, area: str, *, count: int = 1, revision: int = 1) -> bytes:
    """A `Recount` notification: the area and how many recounts so far."""
    root = _set(Element("Recount"), revision=revision)
    seat = SubElement(_election(root, election, "G", "2016-05-05"), "Constituency", name=area)
    _set(seat, recount=count)
    return _xml(root)


def top_up_result(
    election: str, region: str, elected: Sequence[Cand], votes: Mapping[str, tuple[str, int]],
    *, kind: str = "S", declared: str = "", revision: int = 1,
) -> bytes:  # fmt: skip
    """A `TopUpResult`: the region's elected list members and each party's list votes."""
    root = _set(Element("TopUpResult"), revision=revision, declarationTime=declared)
    total = sum(v for _, v in votes.values())
    seat = _set(SubElement(_election(root, election, kind, "2016-05-05"), "Constituency"),
                name=region, turnout=total,
                winningParty=max(votes, key=lambda k: votes[k][1]) if votes else "")  # fmt: skip
    _candidates(seat, elected, False)
    for code, (name, count) in votes.items():
        _set(SubElement(seat, "Party"), abbreviation=code, name=name, votes=str(count),
             percentageShare=f"{100 * count / total:.2f}")  # fmt: skip
    return _xml(root)


def top_up_rush(
    election: str, region: str, elected: Sequence[Cand], *, kind: str = "S", revision: int = 1
) -> bytes:
    """A `TopUpRush`: the region's elected list members, before the votes."""
    root = _set(Element("TopUpRush"), revision=revision)
    seat = _set(SubElement(_election(root, election, kind, "2016-05-05"), "Constituency"),
                name=region)  # fmt: skip
    _candidates(seat, elected, False)
    return _xml(root)
