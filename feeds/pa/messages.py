"""Provides the intermediate records of PA's messages: one small frozen dataclass per type.

Each record holds what the board uses of one message, already typed (PA sends
strings; `feeds.pa.xml` reads them). Field names follow the field's terms; each
class names its PA root element and the page it is specified on (election.
pressassociation.com: "Local councils XML", "FPTP and PR top-up XML"). Party
codes are PA's abbreviations as written ("Lab Co-op", "C", "Green").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "Candidate",
    "FptpParty",
    "FptpResult",
    "FptpRush",
    "FptpStateOfParties",
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


@dataclass(frozen=True)
class PartySeats:
    """A party's seats (or change in seats) in one council."""

    code: str
    seats: int


@dataclass(frozen=True)
class LocalResult:
    """`LocalElectionResult`: one council declared (Local councils XML).

    `Election/Council` carries `winningParty`, `sittingParty`, `gainOrHold`
    ("gain", "no change", "lose to NOC"), `proportion` ("all", "half",
    "third"); `NewCouncil` the council after the election, `Changes` the net
    change by party, `ElectedCouncillors` the seats won this time.
    """

    election: str
    council: str
    winning: str
    sitting: str
    gain_or_hold: str
    proportion: str
    new_council: tuple[PartySeats, ...]
    changes: tuple[PartySeats, ...]
    elected: tuple[PartySeats, ...]
    revision: int


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
class LocalStateOfParties:
    """`LocalStateOfParties` (Local councils XML): councils controlled and seats, by party.

    Root attributes `region` ("All" is the whole election), `numberOfResults`,
    `totalNumberOfCouncils`; each `Party` has `totalCouncils`,
    `changeInControl`, `seatsWon`, `netChangeInSeats`. No Overall Control
    comes as a party row (abbreviation "NOC") and is split out as `noc`.
    """

    election: str
    region: str
    reported: int
    total: int
    parties: tuple[LocalParty, ...]
    noc: LocalParty | None
    councils: tuple[str, ...]
    """`CouncilsIncluded`: the councils whose results the figures include."""
    revision: int


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
class FptpResult:
    """`FirstPastThePostResult` (FPTP XML): one constituency's (or mayoralty's) declared result.

    `Constituency` has `winningParty`, `sittingParty`, `gainOrHold`,
    `majority`, `electorate`, `turnout` (votes cast), `percentageTurnout`;
    the root `declarationTime` (ISO 8601). Mayoral elections (`Election
    type="M"`) come as these messages too.
    """

    election: str
    election_type: str
    area: str
    winning: str
    sitting: str
    gain_or_hold: str
    candidates: tuple[Candidate, ...]
    majority: int | None
    votes: int | None
    turnout: float | None
    electorate: int | None
    declared_at: datetime | None
    revision: int


@dataclass(frozen=True)
class FptpRush:
    """`FirstPastThePostRush` (FPTP XML): the winner alone, before the figures.

    `Constituency` has `winningPartyAbbreviation`, `sittingPartyAbbreviation`,
    `gainOrHold` and `paStyleMessageText` ("Conservative gain from Liberal
    Democrat in Watford"); candidates carry no votes.
    """

    election: str
    election_type: str
    area: str
    winning: str
    sitting: str
    gain_or_hold: str
    message: str
    candidates: tuple[Candidate, ...]
    revision: int


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
class FptpStateOfParties:
    """`FirstPastThePostStateOfParties` (FPTP XML): seats, gains, losses, votes, shares, forecast.

    Root attributes `numberOfResults`, `totalNumberOfConstituencies`,
    `totalVotes`, `forecastWinningParty`, `forecastMajority`, `note`; each
    `Party` has `totalSeats`, `gains`, `losses`, `totalVotes`,
    `percentageShare`, `percentageChange` and `forecastSeats` — any absent
    one is zero. No time of publication.
    """

    election: str
    election_type: str
    reported: int
    total: int
    parties: tuple[FptpParty, ...]
    forecast: str
    note: str
    revision: int


@dataclass(frozen=True)
class Recount:
    """`Recount` (FPTP XML "Recount notifications"): a recount in an area; `recount` counts them."""

    election: str
    area: str
    recount: int
    revision: int


@dataclass(frozen=True)
class PartyVotes:
    """A party's list votes in a top-up region."""

    code: str
    name: str
    votes: int
    share: float | None


@dataclass(frozen=True)
class TopUpResult:
    """`TopUpResult` (PR top-up XML): a region's list seats — elected members with their
    `partyListRank`, and each party's list `votes` and `percentageShare`."""

    election: str
    election_type: str
    area: str
    winning: str
    elected: tuple[Candidate, ...]
    parties: tuple[PartyVotes, ...]
    votes: int | None
    turnout: float | None
    electorate: int | None
    declared_at: datetime | None
    revision: int


@dataclass(frozen=True)
class TopUpRush:
    """`TopUpRush` (PR top-up XML): a region's elected list members, before the votes."""

    election: str
    election_type: str
    area: str
    elected: tuple[Candidate, ...]
    revision: int


@dataclass(frozen=True)
class Nominations:
    """An area electing and who stands there: `LocalElectionNominations` (a council and the
    parties standing, Local councils XML), `FirstPastThePostNominations` or `TopUpNominations`
    (a constituency or list region and its candidates, FPTP and PR top-up XML).

    PA sends one file per area before the night ("to prepare your systems for elections, first
    use the nominations files"), and a higher revision when a nomination is corrected. The
    board takes from them every area electing, declared or not (`Contest.areas`).
    """

    election: str
    election_type: str
    """PA's `Election type` ("G", "S", "W", "M"); "" for local councils."""
    system: str
    """"local", "fptp" or "top-up": which message it was."""
    area: str
    parties: tuple[tuple[str, str], ...]
    """The parties standing as (abbreviation, name), each once, in PA's order."""
    candidates: tuple[Candidate, ...]
    """The candidates standing (FPTP and top-up; none for local councils, whose nominations
    name parties only)."""
    revision: int


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
