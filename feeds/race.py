"""Provides `RaceContest` (kind `race`, 1.1): one race, its candidates, call and reporting.

A US night is hundreds of races, each its own contest: an office in a state
(and district), candidates with votes, a call when the publisher (AP)
declares a winner, and how much of the count is in — precincts reporting of
their total and, where the publisher estimates it, the expected vote. A
ballot measure is a race whose candidates are Yes and No (`measure: true`).

Called and leading are kept apart in the data so the board can never show one
as the other: `winner` is set only by the publisher's call; the leader is
derived from the votes (`leader`), never stored.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import AwareDatetime, Field, field_validator, model_validator

from feeds.areas import Declaration
from feeds.fields import Code, Colour, Count, FeedModel, Percent, Slug, unique_by
from feeds.text import ShortText, TitleText

__all__ = ["RaceCandidate", "RaceContest", "Reporting"]


class RaceCandidate(FeedModel):
    """One candidate in a race (or Yes / No in a ballot measure)."""

    name: ShortText
    party: Code | None = None
    """The party code as the publisher writes it ("Dem", "GOP"); none for Yes / No or a
    nonpartisan race."""
    colour: Colour | None = None
    votes: Count = 0
    share: Percent | None = None
    """Share of the votes counted in the race, 0–100 (never a 0–1 fraction)."""
    winner: bool = False
    """Called: the publisher declared this candidate elected (AP `winner: "X"`)."""
    runoff: bool = False
    """Advances to a runoff (AP `winner: "R"`)."""
    incumbent: bool = False
    electoral_votes: Count | None = None
    """Electoral votes won (a presidential race in a state: AP `electWon`)."""


class Reporting(FeedModel):
    """How much of a race's count is in."""

    precincts: Count | None = None
    """Precincts reporting."""
    precincts_total: Count | None = None
    """Precincts in all."""
    expected_vote: Percent | None = None
    """Estimated share of the expected vote counted, 0–100 (AP's EEVP; at most 99 until
    the results are certified)."""

    @model_validator(mode="after")
    def _within_total(self) -> Self:
        if (
            self.precincts is not None
            and self.precincts_total is not None
            and self.precincts > self.precincts_total
        ):
            raise ValueError(
                f"precincts ({self.precincts}) must be ≤ precincts_total ({self.precincts_total})"
            )
        return self

    @property
    def precincts_percent(self) -> float | None:
        """Precincts reporting as 0–100, or None when the feed does not say."""
        if self.precincts is None or not self.precincts_total:
            return None
        return 100.0 * self.precincts / self.precincts_total


class RaceContest(FeedModel):
    """One race: an office in a state (or district), or a ballot measure."""

    kind: Literal["race"]
    id: Slug
    title: TitleText
    office: ShortText
    """"President", "U.S. Senate", "Governor", or a measure's name."""
    state: ShortText | None = None
    """The state's postal code ("AK") or name; none for a national race."""
    district: ShortText | None = None
    """The seat or district ("District 7"), when the office has several."""
    measure: bool = False
    """A ballot measure: the candidates are Yes and No."""
    seats: Annotated[int, Field(ge=1, strict=True)] = 1
    """Candidates to be elected."""
    candidates: Annotated[tuple[RaceCandidate, ...], Field(min_length=1)]
    reporting: Reporting = Reporting()
    called_at: AwareDatetime | None = None
    """When the call was made (or first received, see `time_basis`); none while uncalled."""
    updated_at: AwareDatetime | None = None
    """When the publisher last changed the race's figures."""
    electoral_votes: Count | None = None
    """Electoral votes at stake (a presidential race in a state: AP `electTotal`)."""
    uncontested: bool = False
    declarations: tuple[Declaration, ...] = ()
    areas: tuple[ShortText, ...] = ()

    _names_unique = field_validator("candidates")(unique_by("name", "candidate"))

    @model_validator(mode="after")
    def _winners_fit_seats(self) -> Self:
        winners = sum(c.winner for c in self.candidates)
        if winners > self.seats:
            seats = "seat" if self.seats == 1 else "seats"
            raise ValueError(f"{winners} winners called for {self.seats} {seats}")
        if any(c.winner and c.runoff for c in self.candidates):
            raise ValueError("a candidate cannot be both called winner and in a runoff")
        return self

    @property
    def called(self) -> bool:
        """True once the publisher has called the race (winners, or the runoff's candidates)."""
        return any(c.winner or c.runoff for c in self.candidates)

    @property
    def total_votes(self) -> int:
        """Votes counted for all candidates."""
        return sum(c.votes for c in self.candidates)

    def ranked(self) -> list[RaceCandidate]:
        """Candidates by votes, most first (ties keep the feed's order)."""
        return sorted(self.candidates, key=lambda c: -c.votes)

    def share_of(self, candidate: RaceCandidate) -> float | None:
        """The candidate's share, 0–100: the feed's, else from the votes (None before any)."""
        if candidate.share is not None:
            return candidate.share
        total = self.total_votes
        return 100.0 * candidate.votes / total if total else None

    @property
    def leader(self) -> RaceCandidate | None:
        """The candidate with the most votes, None before any vote or on a tie at the top."""
        ranked = self.ranked()
        if not ranked or ranked[0].votes == 0:
            return None
        if len(ranked) > 1 and ranked[1].votes == ranked[0].votes:
            return None
        return ranked[0]

    @property
    def margin(self) -> float | None:
        """The leader's lead over the runner-up in points of share, None when not known."""
        ranked = self.ranked()
        if len(ranked) < 2 or self.total_votes == 0:
            return None
        return 100.0 * (ranked[0].votes - ranked[1].votes) / self.total_votes

    @property
    def percent_reported(self) -> float:
        """How much is in, 0–100: the expected vote where given, else precincts; 0 unknown."""
        if self.reporting.expected_vote is not None:
            return self.reporting.expected_vote
        precincts = self.reporting.precincts_percent
        if precincts is not None:
            return precincts
        return 100.0 if self.called else 0.0

    def warnings(self) -> list[str]:
        """Oddities of the race itself (none yet); shares and votes beyond what real elections
        have are `feeds.plausibility`'s, as for every kind."""
        return []
