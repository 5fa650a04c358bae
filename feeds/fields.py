"""Provides the field types every feed model shares: counts, changes, percentages, codes, slugs.

Numbers are strict (a string "12" is refused, not converted): a feed that
sends strings where numbers belong is wrong, and the error names the field.
Percentages are on a 0–100 scale throughout the format.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo

__all__ = [
    "NOC",
    "Change",
    "Code",
    "Colour",
    "Count",
    "FeedModel",
    "Percent",
    "PercentChange",
    "Slug",
    "TimeBasis",
    "distinct",
    "ensure_unique",
    "unique_by",
    "within_total",
]

NOC = "NOC"
"""The code for "no overall control" in declarations."""

Count = Annotated[int, Field(ge=0, strict=True)]
"""A whole number of seats, councils, votes or areas: 0 or more."""
Change = Annotated[int, Field(strict=True)]
"""A signed change in a count since the last election."""
Percent = Annotated[float, Field(ge=0, le=100, strict=True, allow_inf_nan=False)]
"""A percentage on the 0–100 scale (never a 0–1 fraction)."""
PercentChange = Annotated[float, Field(strict=True, allow_inf_nan=False)]
"""A signed change in percentage points."""
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
"""A party colour as `#RRGGBB`."""
Code = Annotated[
    str,
    StringConstraints(
        max_length=16, pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9_&+.'/\-]| [A-Za-z0-9_&+.'/\-])*$"
    ),
]
"""A party code as the publisher writes it: up to 16 characters, letters, digits and
`_&+.'/-`, single spaces inside ("Lab Co-op", as PA writes it); never control characters."""
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]{0,63}$")]
"""A contest id: lower-case letters, digits, `_` and `-`."""
TimeBasis = Literal["source", "received"]
"""Whose clock a time is: "source" — the publisher's own; "received" — the publisher gave
no time, so the time the ingest received the data stands in (PA's local results and state
of parties carry none)."""


class FeedModel(BaseModel):
    """Base of every feed model: frozen, and extra fields ignored (forward compatible)."""

    model_config = ConfigDict(frozen=True, extra="ignore")


def within_total(reported: int, info: ValidationInfo) -> int:
    """A field validator: `reported` may not exceed the model's `total` (validated before it)."""
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


_Items = TypeVar("_Items", bound=tuple[Any, ...])


def unique_by(attribute: str, what: str) -> Callable[[_Items], _Items]:
    """A field validator for a tuple of models: no two may share `attribute` (`ValueError`
    "duplicate party code 'LAB'"). Use: `field_validator("parties")(unique_by("code", …))`."""

    def check(items: _Items) -> _Items:
        ensure_unique((getattr(item, attribute) for item in items), what)
        return items

    return check


def distinct(value: str, taken: Container[str], numbered: Callable[[str, int], str]) -> str:
    """`value`, or when it is taken the first of `numbered(value, 2)`, `numbered(value, 3)`, …
    that is not: what makes a second "Ind" row "Ind 2", a second "Westmarch" "Westmarch (2)"."""
    found, n = value, 1
    while found in taken:
        n += 1
        found = numbered(value, n)
    return found
