"""Provides the intermediate records of PA's messages: one small frozen dataclass per type.

Each record holds what the board uses of one message, already typed (PA sends
strings; `feeds.pa.xml` reads them). Field names follow the field's terms; each
class names its PA root element and the page it is specified on (election.
pressassociation.com: "Local councils XML", "FPTP and PR top-up XML"). Party
codes are PA's abbreviations as written ("Lab Co-op", "C", "Green").

Every record opens with what its message opens with, keyword-only: `Heading`
(the election and the file's revision), or `AreaHeading` for the FPTP and
top-up messages about one area (also the election's type and the area).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "AreaCount",
    "AreaHeading",
    "Candidate",
    "FptpParty",
    "FptpResult",
    "FptpRush",
    "FptpStateOfParties",
    "Heading",
    "LocalParty",
    "LocalResult",
    "LocalStateOfParties",
    "Message",
    "Nominations",
    "PartySeats",
    "PartyVotes",
    "Recount",
    "TopUpResult",
    "TopUpRush",
]


@dataclass(frozen=True, kw_only=True)
class Heading:
    """What every message opens with: the root's `Election` and `revision`."""

    election: str
    """`Election name` (a message without one: "Local elections" or "Election")."""
    revision: int
    """The root's `revision`: a corrected file comes again with a higher one."""


@dataclass(frozen=True, kw_only=True)
class AreaHeading(Heading):
    """What a message about one area opens with (FPTP and top-up results, rushes and
    nominations; local nominations): also `Election type` and the area's name (a
    constituency, a mayoralty, a list region or a council)."""

    election_type: str
    """PA's `Election type` ("G", "S", "W", "M"); "" for local councils."""
    area: str


@dataclass(frozen=True, kw_only=True)
class AreaCount(AreaHeading):
    """What an FPTP or top-up result says of the area's count: `Constituency`'s `turnout` (the
    votes cast), `percentageTurnout`, `electorate`, and the root's `declarationTime`."""

    votes: int | None
    turnout: float | None
    """0–100."""
    electorate: int | None
    declared_at: datetime | None


@dataclass(frozen=True)
class PartySeats:
    """A party's seats (or change in seats) in one council."""

    code: str
    seats: int


@dataclass(frozen=True)
class LocalResult(Heading):
    """`LocalElectionResult`: one council declared (Local councils XML).

    `Election/Council` carries `winningParty`, `sittingParty`, `gainOrHold`
    ("gain", "no change", "lose to NOC"), `proportion` ("all", "half",
    "third"); `NewCouncil` the council after the election, `Changes` the net
    change by party, `ElectedCouncillors` the seats won this time.
    """

    council: str
    winning: str
    sitting: str
    gain_or_hold: str
    proportion: str
    new_council: tuple[PartySeats, ...]
    changes: tuple[PartySeats, ...]
    elected: tuple[PartySeats, ...]


@dataclass(frozen=True)
class LocalParty:
    """One party row of a local state of parties."""

    code: str
    name: str
    councils: int
    councils_change: int
    seats: int
    seats_change: int


@dataclass(frozen=True)
class LocalStateOfParties(Heading):
    """`LocalStateOfParties` (Local councils XML): councils controlled and seats, by party.

    Root attributes `region` ("All" is the whole election), `numberOfResults`,
    `totalNumberOfCouncils`; each `Party` has `totalCouncils`,
    `changeInControl`, `seatsWon`, `netChangeInSeats`. No Overall Control
    comes as a party row (abbreviation "NOC") and is split out as `noc`.
    """

    region: str
    reported: int
    total: int
    parties: tuple[LocalParty, ...]
    noc: LocalParty | None
    councils: tuple[str, ...]
    """`CouncilsIncluded`: the councils whose results the figures include."""


@dataclass(frozen=True)
class Candidate:
    """A candidate in an FPTP or top-up message: `Candidate` with its `Party`."""

    name: str
    party: str
    party_name: str
    votes: int
    share: float | None
    share_change: float | None
    elected: bool
    list_rank: int = 0


@dataclass(frozen=True)
class FptpResult(AreaCount):
    """`FirstPastThePostResult` (FPTP XML): one constituency's (or mayoralty's) declared result.

    `Constituency` has `winningParty`, `sittingParty`, `gainOrHold`,
    `majority` (and the count: `AreaCount`; `declarationTime` is ISO 8601).
    Mayoral elections (`Election type="M"`) come as these messages too.
    """

    winning: str
    sitting: str
    gain_or_hold: str
    candidates: tuple[Candidate, ...]
    majority: int | None


@dataclass(frozen=True)
class FptpRush(AreaHeading):
    """`FirstPastThePostRush` (FPTP XML): the winner alone, before the figures.

    `Constituency` has `winningPartyAbbreviation`, `sittingPartyAbbreviation`,
    `gainOrHold` and `paStyleMessageText` ("Conservative gain from Liberal
    Democrat in Watford"); candidates carry no votes.
    """

    winning: str
    sitting: str
    gain_or_hold: str
    message: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class FptpParty:
    """One party row of an FPTP state of parties."""

    code: str
    name: str
    seats: int
    gains: int
    losses: int
    votes: int | None
    share: float | None
    share_change: float | None
    forecast_seats: int | None


@dataclass(frozen=True)
class FptpStateOfParties(Heading):
    """`FirstPastThePostStateOfParties` (FPTP XML): seats, gains, losses, votes, shares, forecast.

    Root attributes `numberOfResults`, `totalNumberOfConstituencies`,
    `totalVotes`, `forecastWinningParty`, `forecastMajority`, `note`; each
    `Party` has `totalSeats`, `gains`, `losses`, `totalVotes`,
    `percentageShare`, `percentageChange` and `forecastSeats` — any absent
    one is zero. No time of publication.
    """

    election_type: str
    reported: int
    total: int
    parties: tuple[FptpParty, ...]
    forecast: str
    note: str


@dataclass(frozen=True)
class Recount(Heading):
    """`Recount` (FPTP XML "Recount notifications"): a recount in an area; `recount` counts them."""

    area: str
    recount: int


@dataclass(frozen=True)
class PartyVotes:
    """A party's list votes in a top-up region."""

    code: str
    name: str
    votes: int
    share: float | None


@dataclass(frozen=True)
class TopUpResult(AreaCount):
    """`TopUpResult` (PR top-up XML): a region's list seats — elected members with their
    `partyListRank`, and each party's list `votes` and `percentageShare`."""

    winning: str
    elected: tuple[Candidate, ...]
    parties: tuple[PartyVotes, ...]


@dataclass(frozen=True)
class TopUpRush(AreaHeading):
    """`TopUpRush` (PR top-up XML): a region's elected list members, before the votes."""

    elected: tuple[Candidate, ...]


@dataclass(frozen=True)
class Nominations(AreaHeading):
    """An area electing and who stands there: `LocalElectionNominations` (a council and the
    parties standing, Local councils XML), `FirstPastThePostNominations` or `TopUpNominations`
    (a constituency or list region and its candidates, FPTP and PR top-up XML).

    PA sends one file per area before the night ("to prepare your systems for elections, first
    use the nominations files"), and a higher revision when a nomination is corrected. The
    board takes from them every area electing, declared or not (`Contest.areas`).
    """

    system: str
    """"local", "fptp" or "top-up": which message it was."""
    parties: tuple[tuple[str, str], ...]
    """The parties standing as (abbreviation, name), each once, in PA's order."""
    candidates: tuple[Candidate, ...]
    """The candidates standing (FPTP and top-up; none for local councils, whose nominations
    name parties only)."""


Message = (
    LocalResult
    | LocalStateOfParties
    | FptpResult
    | FptpRush
    | FptpStateOfParties
    | Recount
    | TopUpResult
    | TopUpRush
    | Nominations
)
"""Any message the board reads."""
