"""Provides the contest models of format `results-board/1`, one per `kind`.

A contest's `kind` picks its model: `councils` (English locals: councils
controlled and seats), `legislature` (a parliament or assembly: seats against a
majority), `mayor` (candidates and votes, by round). A kind this version does
not know validates as `UnsupportedContest`, so a newer feed still shows its
other contests. All models are frozen; derived values are properties.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
)

from feeds.text import LongText, ShortText, TitleText

__all__ = [
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
    "UnsupportedContest",
]

NOC = "NOC"
"""The code for "no overall control" in declarations."""

Count = Annotated[int, Field(ge=0, strict=True)]
Change = Annotated[int, Field(strict=True)]
Percent = Annotated[float, Field(ge=0, le=100, strict=True, allow_inf_nan=False)]
PercentChange = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_&+.\-]{0,11}$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]{0,63}$")]


class FeedModel(BaseModel):
    """Base of every feed model: frozen, and extra fields ignored (forward compatible)."""

    model_config = ConfigDict(frozen=True, extra="ignore")


def _within_total(reported: int, info: ValidationInfo) -> int:
    total = info.data.get("total")
    if total is not None and reported > total:
        raise ValueError(f"must be ≤ total ({total})")
    return reported


def ensure_unique(values: Iterable[str], what: str) -> None:
    """Raise `ValueError` naming the first value seen twice."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


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


class Declaration(FeedModel):
    """One council declared: who controls it now and who did before."""

    area: ShortText
    declared_at: AwareDatetime
    control: Code
    previous_control: Code
    note: LongText | None = None

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

    _reported_within_total = field_validator("reported")(_within_total)

    @field_validator("parties")
    @classmethod
    def _codes_unique(cls, parties: tuple[PartyRow, ...]) -> tuple[PartyRow, ...]:
        ensure_unique((party.code for party in parties), "party code")
        if any(party.code == NOC for party in parties):
            raise ValueError("NOC is reserved for no_overall_control")
        return parties

    @field_validator("declarations")
    @classmethod
    def _areas_unique(cls, declarations: tuple[Declaration, ...]) -> tuple[Declaration, ...]:
        ensure_unique((declaration.area for declaration in declarations), "declaration area")
        return declarations

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
            found.append(f"seat changes add up to {net:+d}, not 0")
        return found


class LegislatureParty(FeedModel):
    """One party's line in a parliament or assembly."""

    code: Code
    name: ShortText
    colour: Colour | None = None
    seats: Count = 0
    seats_change: Change = 0
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

    _reported_within_total = field_validator("reported")(_within_total)

    @field_validator("parties")
    @classmethod
    def _codes_unique(cls, parties: tuple[LegislatureParty, ...]) -> tuple[LegislatureParty, ...]:
        ensure_unique((party.code for party in parties), "party code")
        return parties

    @property
    def percent_reported(self) -> float:
        """Share of seats or constituencies declared, 0–100."""
        return 100.0 * self.reported / self.total

    def warnings(self) -> list[str]:
        """Inconsistencies shown, never rejected."""
        seats = sum(p.seats for p in self.parties)
        if seats > self.total:
            return [f"parties hold {seats} seats, more than the {self.total} in the chamber"]
        return []


class Candidate(FeedModel):
    """One candidate for mayor."""

    name: ShortText
    party: Code
    colour: Colour | None = None
    votes: Count = 0
    share: Percent | None = None
    eliminated: bool = False
    elected: bool = False


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

    @field_validator("candidates")
    @classmethod
    def _names_unique(cls, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        ensure_unique((candidate.name for candidate in candidates), "candidate")
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

    @property
    def percent_reported(self) -> float:
        """Unknown: 0."""
        return 0.0

    def warnings(self) -> list[str]:
        """One line: this version cannot show the contest."""
        return [f"contest {self.id!r} is of kind {self.kind!r}, not supported by this version"]


CONTEST_KINDS = ("councils", "legislature", "mayor")


def _contest_tag(value: Any) -> str | None:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    if not isinstance(kind, str):
        return None
    return kind if kind in CONTEST_KINDS else "unsupported"


Contest = Annotated[
    Annotated[CouncilsContest, Tag("councils")]
    | Annotated[LegislatureContest, Tag("legislature")]
    | Annotated[MayorContest, Tag("mayor")]
    | Annotated[UnsupportedContest, Tag("unsupported")],
    Discriminator(
        _contest_tag,
        custom_error_type="contest_kind",
        custom_error_message="must have a string `kind`",
    ),
]
"""Any contest; `kind` picks the model."""


def latest_first(declarations: Iterable[Declaration]) -> list[Declaration]:
    """Declarations newest first (stable for equal times)."""
    return sorted(declarations, key=lambda d: d.declared_at, reverse=True)
