"""Provides the AP data the board keeps: `ApRace` (a race's statewide totals) and its parts.

`feeds.ap.parse` makes them from AP's JSON; `feeds.ap.adapter` merges and maps them. Plain
frozen dataclasses (with slots: a national night holds 500 races), picklable, so a large
response can be parsed in a child process and sent back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["ApCandidate", "ApRace", "ApResponse", "RaceFault"]


class RaceFault(ValueError):
    """One race of a response cannot be used; the message names the race and the field."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key
        """The race's key (`{statePostal}-{raceID}`), when it could be read."""


@dataclass(frozen=True, slots=True)
class ApCandidate:
    """One candidate of a race's state-level reporting unit."""

    id: str
    """AP's `candidateID` (unique within the race)."""
    name: str
    party: str | None
    votes: int
    winner: bool
    """Called: `winner: "X"`."""
    runoff: bool
    """Advances to a runoff: `winner: "R"`."""
    incumbent: bool
    elect_won: int | None
    """Electoral votes won (`electWon`), presidential races only."""


@dataclass(frozen=True, slots=True)
class ApRace:
    """One race as AP last sent it (the state-level totals), ready to map to a `race` contest."""

    key: str
    """`{statePostal}-{raceID}`: race IDs are unique only within a state."""
    race_id: str
    state: str | None
    office_id: str
    office: str
    district: str | None
    description: str | None
    measure: bool
    """A ballot measure (office ID "I"): candidates are Yes / No."""
    seats: int
    uncontested: bool
    test: bool
    candidates: tuple[ApCandidate, ...]
    precincts: int | None
    precincts_total: int | None
    precincts_pct: float | None
    """`precinctsReportingPct` as sent, 0–100 (checked against the counts by the adapter)."""
    eevp: float | None
    """Estimated expected vote, 0–100 (v3 `eevp`)."""
    elect_total: int | None
    """Electoral votes at stake (`electTotal`)."""
    last_updated: datetime | None
    units: int
    """Reporting units below the state (counties, towns) in the response."""
    whole: bool
    """The race came with its state-level unit (its totals), not only subunits."""


@dataclass(frozen=True)
class ApResponse:
    """One response of the elections endpoint, or a trend table."""

    races: tuple[ApRace, ...]
    faults: tuple[tuple[str | None, str], ...]
    """Races of the response that could not be used: (race key if known, the fault)."""
    election_date: str | None
    timestamp: datetime | None
    next_request: str | None
    truncated: bool | None
    """`isTruncated`; present only on a response to a `nextrequest` link (a partial update)."""
    test: bool
    trend: dict[str, Any] | None = None
    """The `trendtable` object, when the document is a balance-of-power trend table."""

    @property
    def partial(self) -> bool:
        """True for an update (only the races that changed); False for a full response."""
        return self.truncated is not None
