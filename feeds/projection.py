"""Provides `Projection`: a forecast of the whole result, labelled with whose it is (format 1.1).

A results night carries figures that are not results: PA's forecast in its
FPTP state of parties (`forecastWinningParty`, `forecastMajority`, each
party's `forecastSeats`), a broadcaster's projected national share (the BBC's
PNS for English local elections: what each party's share would be had the
whole country voted), an exit poll. A contest may carry one `projection`;
the board shows it apart from the results and always with its `source`, so a
projection can never be read as a count.

Shares are on the 0–100 scale of the rest of the format; changes are signed
points or seats against the last election. Every part is optional but the
source, and a projection must say something (words or a figure).
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AwareDatetime, Field, field_validator, model_validator

from feeds.fields import (
    Change,
    Code,
    Colour,
    Count,
    FeedModel,
    Percent,
    PercentChange,
    unique_by,
)
from feeds.text import ShortText

__all__ = ["ProjectedParty", "Projection"]


class ProjectedParty(FeedModel):
    """One party's projected figures: a share of the vote, seats, or both."""

    code: Code
    """The party's code, as in the contest's table (so the board can match its colour)."""
    name: ShortText | None = None
    colour: Colour | None = None
    share: Percent | None = None
    """Projected share of the vote, 0–100 (a projected national share)."""
    share_change: PercentChange | None = None
    """Change in projected share against the last election, in points."""
    seats: Count | None = None
    """Projected (forecast) seats at the end of the count."""
    seats_change: Change | None = None
    """Projected net change in seats."""

    @property
    def has_figures(self) -> bool:
        """Whether the party carries a share or seats (a row with neither says nothing)."""
        return self.share is not None or self.seats is not None


class Projection(FeedModel):
    """A projection of a contest's result, and whose it is (1.1)."""

    source: Annotated[ShortText, Field(min_length=1)]
    """Whose projection: "PA forecast", "BBC projected national share". Always shown; never
    empty, once cleaned (a source of control characters alone is refused)."""
    summary: ShortText | None = None
    """The projection in words, as the source puts it: "No overall majority", "Lab, majority
    +24"."""
    published_at: AwareDatetime | None = None
    """When the source made it (None: with the document)."""
    parties: tuple[ProjectedParty, ...] = ()
    """Each party's projected figures; `code`s unique."""

    _codes_unique = field_validator("parties")(unique_by("code", "party code"))

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if not self.summary and not any(party.has_figures for party in self.parties):
            raise ValueError("a projection needs a summary or a party's share or seats")
        return self

    def warnings(self) -> list[str]:
        """Inconsistencies shown, never rejected: shares adding up to more than 100."""
        shares = [party.share for party in self.parties if party.share is not None]
        if sum(shares) > 100.5:  # rounding of each share may add up to a little over 100
            return [f"projected shares ({self.source}) add up to {sum(shares):.1f}%, over 100"]
        return []
