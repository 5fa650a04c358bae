"""Provides the per-area models: a declaration, and (from 1.1) the area's own figures.

A declaration says who won an area (a council, a constituency, a mayoralty)
and who held it before; from `results-board/1.1` it may carry the area's
figures (`AreaResult`): candidates with votes and shares, or a council's new
composition by party, with majority, turnout and electorate. A rush (`rush:
true`) is the winner alone, sent before the figures; the result replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import AwareDatetime, field_validator

from feeds.fields import (
    NOC,
    Change,
    Code,
    Colour,
    Count,
    FeedModel,
    Percent,
    PercentChange,
    TimeBasis,
    unique_by,
)
from feeds.text import LongText, ShortText

__all__ = ["AreaParty", "AreaResult", "Candidate", "Declaration", "latest_first"]


class Candidate(FeedModel):
    """One candidate: for mayor, or in a constituency's result."""

    name: ShortText
    party: Code
    colour: Colour | None = None
    votes: Count = 0
    share: Percent | None = None
    """Share of the valid vote, 0–100."""
    share_change: PercentChange | None = None
    """Change in the party's share since the last election, in points (1.1)."""
    eliminated: bool = False
    elected: bool = False


class AreaParty(FeedModel):
    """One party's seats in a council after the election (1.1)."""

    code: Code
    name: ShortText | None = None
    seats: Count = 0
    """Seats held on the new council."""
    seats_change: Change = 0
    """Seats gained (+) or lost (−) in this election."""


class AreaResult(FeedModel):
    """An area's declared figures (1.1). Which parts are present depends on the contest.

    A constituency or mayoralty has `candidates` (and usually majority,
    turnout, electorate); a council has `composition` (its new seats by
    party) and `seats_up`/`proportion` (how much of it was elected).
    """

    candidates: tuple[Candidate, ...] = ()
    composition: tuple[AreaParty, ...] = ()
    majority: Count | None = None
    """Votes between the winner and the runner-up."""
    turnout: Percent | None = None
    """Votes cast as a share of the electorate, 0–100."""
    electorate: Count | None = None
    """Registered voters."""
    votes: Count | None = None
    """Valid votes cast in all (when the candidates' votes do not say it all)."""
    seats: Count | None = None
    """Seats on the council in all (after the election)."""
    seats_up: Count | None = None
    """Seats elected this time."""
    proportion: ShortText | None = None
    """How much of the council was up, as the publisher says it ("all", "thirds", "half")."""

    _names_unique = field_validator("candidates")(unique_by("name", "candidate"))
    _codes_unique = field_validator("composition")(unique_by("code", "party code"))


class Declaration(FeedModel):
    """One area declared: who controls or holds it now and who did before."""

    area: ShortText
    declared_at: AwareDatetime
    control: Code
    previous_control: Code
    note: LongText | None = None
    rush: bool = False
    """The winner alone, sent before the figures (1.1); the result replaces it."""
    result: AreaResult | None = None
    """The area's own figures (1.1)."""
    time_basis: TimeBasis = "source"
    """Whose clock `declared_at` is (1.1): "received" when the publisher gave no time."""

    @property
    def changed_hands(self) -> bool:
        """True when control changed."""
        return self.control != self.previous_control

    @property
    def wording(self) -> str:
        """The result as a producer says it: "LAB hold", "CON gain from LAB", "LAB lose to NOC"."""
        if not self.changed_hands:
            return "NOC, no change" if self.control == NOC else f"{self.control} hold"
        if self.control == NOC:
            return f"{self.previous_control} lose to NOC"
        return f"{self.control} gain from {self.previous_control}"


def latest_first(declarations: Iterable[Declaration]) -> list[Declaration]:
    """Declarations newest first (stable for equal times)."""
    return sorted(declarations, key=lambda d: d.declared_at, reverse=True)
