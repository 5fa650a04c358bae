"""Provides the contest models of format `results-board/1`, one per `kind`.

A contest's `kind` picks its model: `councils` (English locals: councils
controlled and seats), `legislature` (a parliament or assembly: seats against a
majority; from 1.1 seats won and seats leading apart), `mayor` (candidates and
votes, by round), `race` (1.1, `feeds.race`: one race with candidates, a call
and precincts reporting). A kind this version does
not know validates as `UnsupportedContest`, so a newer feed still shows its
other contests. All models are frozen; derived values are properties.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator

from feeds.areas import Candidate, Declaration, latest_first
from feeds.fields import (
    NOC,
    Change,
    Code,
    Colour,
    Count,
    FeedModel,
    Percent,
    PercentChange,
    Slug,
    unique_by,
    within_total,
)
from feeds.projection import ProjectedParty, Projection
from feeds.race import RaceContest
from feeds.text import ShortText, TitleText

__all__ = [
    "CONTEST_KINDS",
    "NOC",
    "Candidate",
    "Contest",
    "CouncilsContest",
    "Declaration",
    "LegislatureContest",
    "LegislatureParty",
    "MayorContest",
    "NoOverallControl",
    "PartyRow",
    "ProjectedParty",
    "Projection",
    "RaceContest",
    "UnsupportedContest",
    "latest_first",
]

AreaNames = tuple[ShortText, ...]
"""Every area electing in a contest, declared or not (1.1): the desk's list of areas to come."""
_declared_once = unique_by("area", "declaration area")


class PartyRow(FeedModel):
    """One party's line in a councils contest."""

    code: Code
    name: ShortText
    colour: Colour | None = None
    councils: Count = 0
    councils_change: Change = 0
    seats: Count = 0
    seats_change: Change = 0


class NoOverallControl(FeedModel):
    """Councils where no party has a majority; shown as its own row."""

    councils: Count = 0
    councils_change: Change = 0


class CouncilsContest(FeedModel):
    """English local elections: councils controlled and seats won, by party."""

    kind: Literal["councils"]
    id: Slug
    title: TitleText
    total: Annotated[int, Field(ge=1, strict=True)]
    reported: Count
    parties: Annotated[tuple[PartyRow, ...], Field(min_length=1)]
    no_overall_control: NoOverallControl = NoOverallControl()
    declarations: tuple[Declaration, ...] = ()
    areas: AreaNames = ()
    projection: Projection | None = None
    """A projection of the result, with its source (1.1): a projected national share."""

    _reported_within_total = field_validator("reported")(within_total)
    _areas_declared_once = field_validator("declarations")(_declared_once)
    _codes_unique = field_validator("parties")(unique_by("code", "party code"))

    @field_validator("parties")
    @classmethod
    def _noc_reserved(cls, parties: tuple[PartyRow, ...]) -> tuple[PartyRow, ...]:
        if any(party.code == NOC for party in parties):
            raise ValueError("NOC is reserved for no_overall_control")
        return parties

    @property
    def percent_reported(self) -> float:
        """Share of councils declared, 0–100."""
        return 100.0 * self.reported / self.total

    def warnings(self) -> list[str]:
        """Inconsistencies real feeds have mid-count: shown, never rejected."""
        found = []
        councils = sum(p.councils for p in self.parties) + self.no_overall_control.councils
        if councils != self.reported:
            found.append(
                f"councils of parties and NOC add up to {councils}, not reported ({self.reported})"
            )
        net = sum(p.seats_change for p in self.parties)
        if net != 0:
            found.append(
                f"seat changes add up to {net:+d}, not 0: the seats up changed (new boundaries), "
                "or parties are missing"
            )
        return found + (self.projection.warnings() if self.projection else [])


class LegislatureParty(FeedModel):
    """One party's line in a parliament or assembly."""

    code: Code
    name: ShortText
    colour: Colour | None = None
    seats: Count = 0
    """Seats won (called), holdovers included."""
    seats_change: Change | None = None
    """Net seats gained (+) or lost (−) since last time; None where the feed gives no previous
    figures (an electoral college): no change column rather than a column of zeros."""
    leading: Count | None = None
    """Seats not yet called where this party leads (1.1): never counted in `seats`."""
    votes: Count | None = None
    share: Percent | None = None
    share_change: PercentChange | None = None


class LegislatureContest(FeedModel):
    """A parliament or assembly: seats won against the majority needed."""

    kind: Literal["legislature"]
    id: Slug
    title: TitleText
    total: Annotated[int, Field(ge=1, strict=True)]
    reported: Count
    majority: Annotated[int, Field(ge=1, strict=True)]
    parties: Annotated[tuple[LegislatureParty, ...], Field(min_length=1)]
    declarations: tuple[Declaration, ...] = ()
    areas: AreaNames = ()
    projection: Projection | None = None
    """A projection of the result, with its source (1.1): PA's forecast, an exit poll."""
    unit: ShortText = "seats"
    """What the places are called (1.1): "seats", or "electoral votes" for an electoral
    college."""

    _reported_within_total = field_validator("reported")(within_total)
    _areas_declared_once = field_validator("declarations")(_declared_once)
    _codes_unique = field_validator("parties")(unique_by("code", "party code"))

    @property
    def percent_reported(self) -> float:
        """Share of seats or constituencies declared, 0–100."""
        return 100.0 * self.reported / self.total

    def warnings(self) -> list[str]:
        """Inconsistencies shown, never rejected: more seats held than the chamber has, or
        seats held that do not add up to the seats reported (the seat bar would disagree with
        the counter)."""
        found = []
        seats = sum(p.seats for p in self.parties)
        if seats > self.total:
            found.append(f"parties hold {seats} seats, more than the {self.total} in the chamber")
        elif seats != self.reported:
            found.append(f"parties hold {seats} seats, but {self.reported} are reported")
        else:
            leading = sum(p.leading or 0 for p in self.parties)
            if seats + leading > self.total:
                found.append(
                    f"{seats} won and {leading} leading is more than the {self.total} seats"
                )
        return found + (self.projection.warnings() if self.projection else [])


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):  # bool is an int in Python: `true` would read as round 1
        raise ValueError("must be 1 or 2")
    return value


class MayorContest(FeedModel):
    """A mayoral count under the supplementary vote: first round, then the final round."""

    kind: Literal["mayor"]
    id: Slug
    title: TitleText
    round: Annotated[Literal[1, 2], BeforeValidator(_not_bool)] = 1
    candidates: Annotated[tuple[Candidate, ...], Field(min_length=1)]
    turnout: Percent | None = None
    total: Annotated[int, Field(ge=1, strict=True)] | None = None
    reported: Count | None = None
    declarations: tuple[Declaration, ...] = ()
    areas: AreaNames = ()

    _areas_declared_once = field_validator("declarations")(_declared_once)
    _names_unique = field_validator("candidates")(unique_by("name", "candidate"))

    @field_validator("candidates")
    @classmethod
    def _one_elected(cls, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        if sum(candidate.elected for candidate in candidates) > 1:
            raise ValueError("more than one candidate elected")
        return candidates

    @property
    def percent_reported(self) -> float:
        """Share of count areas declared (100 when the feed does not say)."""
        if self.total is None or self.reported is None:
            return 100.0 if any(c.elected for c in self.candidates) else 0.0
        return 100.0 * min(self.reported, self.total) / self.total

    def warnings(self) -> list[str]:
        """Inconsistencies shown, never rejected."""
        if self.total is not None and self.reported is not None and self.reported > self.total:
            return [f"reported ({self.reported}) is more than total ({self.total})"]
        return []


class UnsupportedContest(FeedModel):
    """A contest of a kind this version does not know: listed, not shown."""

    kind: ShortText
    id: Slug
    title: TitleText = "Untitled contest"
    declarations: tuple[Declaration, ...] = ()
    areas: AreaNames = ()

    @property
    def percent_reported(self) -> float:
        """Unknown: 0."""
        return 0.0

    def warnings(self) -> list[str]:
        """One line: this version cannot show the contest."""
        return [f"contest {self.id!r} is of kind {self.kind!r}, not supported by this version"]


CONTEST_KINDS = ("councils", "legislature", "mayor", "race")


def _contest_tag(value: Any) -> str | None:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    if not isinstance(kind, str):
        return None
    return kind if kind in CONTEST_KINDS else "unsupported"


Contest = Annotated[
    Annotated[CouncilsContest, Tag("councils")]
    | Annotated[LegislatureContest, Tag("legislature")]
    | Annotated[MayorContest, Tag("mayor")]
    | Annotated[RaceContest, Tag("race")]
    | Annotated[UnsupportedContest, Tag("unsupported")],
    Discriminator(
        _contest_tag,
        custom_error_type="contest_kind",
        custom_error_message="must have a string `kind`",
    ),
]
"""Any contest; `kind` picks the model."""
