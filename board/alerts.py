"""Provides the alerts on a change of control: which changes alert (`AlertRule`), and each `Alert`.

A change of control is a declaration whose winner is not who held the area
before ("CON gain from LAB", "LAB lose to NOC"), in any contest of the feed —
a rush (the winner alone, sent before the figures) included, since that is
when the news breaks. `new_changes(before, after)` finds those in `after`
that `before` did not have (a new declaration, or a corrected one with
another winner); the first snapshot the board sees is its baseline.

Which changes alert is the producer's choice on the command line:

| option | alerts on |
|---|---|
| `--alerts all` (default) | every change of control |
| `--alerts gains` | a party taking control (not a loss to no overall control) |
| `--alerts none` | nothing (key moments still list every change) |
| `--alert-party CODE` | only changes that party wins or loses (repeat, or `LAB,CON`) |
| `--alert-area NAME` | only these areas (repeat; accents and case do not matter) |

Parties and areas together alert on a change that matches either. Nothing
here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from board.finder import fold
from feeds.areas import Declaration
from feeds.contests import NOC
from feeds.models import Feed

__all__ = ["ALERT_CHOICES", "Alert", "AlertRule", "Changes", "new_changes"]

Changes = Literal["all", "gains", "none"]
"""Which changes of control alert at all."""

ALERT_CHOICES: tuple[Changes, ...] = ("all", "gains", "none")


@dataclass(frozen=True)
class AlertRule:
    """Which changes of control alert (see the module's table)."""

    changes: Changes = "all"
    """Every change, only gains (a party takes control), or none."""
    parties: frozenset[str] = frozenset()
    """Party codes (folded): only changes one of them wins or loses. Empty: any party."""
    areas: frozenset[str] = frozenset()
    """Area names (folded): only these areas. Empty: any area."""

    @classmethod
    def of(
        cls, changes: Changes = "all", parties: Iterable[str] = (), areas: Iterable[str] = ()
    ) -> AlertRule:
        """A rule from the command line's words (codes may be comma-separated)."""
        codes = {fold(code) for text in parties for code in text.split(",") if code.strip()}
        return cls(changes, frozenset(codes), frozenset(fold(area) for area in areas))

    def alerts(self, declaration: Declaration) -> bool:
        """Whether this change of control alerts."""
        if self.changes == "none" or not declaration.changed_hands:
            return False
        if self.changes == "gains" and declaration.control == NOC:
            return False
        if not (self.parties or self.areas):
            return True
        sides = {fold(declaration.control), fold(declaration.previous_control)}
        return bool(sides & self.parties) or fold(declaration.area) in self.areas

    @property
    def words(self) -> str:
        """What alerts, in a few words: "every change of control", "gains involving LAB"."""
        if self.changes == "none":
            return "no alerts"
        what = "every change of control" if self.changes == "all" else "every gain of control"
        limits = []
        if self.parties:
            limits.append("involving " + ", ".join(sorted(p.upper() for p in self.parties)))
        if self.areas:
            limits.append(f"in {len(self.areas)} chosen areas")
        return what + (" " + " or ".join(limits) if limits else "")


@dataclass(frozen=True)
class Alert:
    """One change of control to announce."""

    contest_id: str
    contest: str
    """The contest's title (untrusted text)."""
    area: str
    """The area (untrusted text)."""
    wording: str
    """ "CON gain from LAB", "LAB lose to NOC"."""
    declared_at: datetime
    rush: bool = False
    """Announced by a rush: the winner only, figures to follow."""

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes it the same change: the contest, the area and the wording."""
        return (self.contest_id, self.area, self.wording)

    @property
    def text(self) -> str:
        """ "03:12 Dudley · LAB lose to NOC"."""
        rush = " (rush)" if self.rush else ""
        return f"{self.declared_at:%H:%M} {self.area} · {self.wording}{rush}"


def changes_of(feed: Feed) -> Iterator[tuple[Alert, Declaration]]:
    """Every change of control in `feed`, as an alert and its declaration."""
    for contest in feed.contests:
        for declaration in contest.declarations:
            if declaration.changed_hands:
                alert = Alert(
                    contest.id,
                    contest.title,
                    declaration.area,
                    declaration.wording,
                    declaration.declared_at,
                    declaration.rush,
                )
                yield alert, declaration


def new_changes(before: Feed | None, after: Feed) -> list[tuple[Alert, Declaration]]:
    """The changes of control in `after` that `before` did not have, newest first.

    None before (the board's first snapshot) is the baseline: nothing is new.
    """
    if before is None:
        return []
    known = {alert.key for alert, _ in changes_of(before)}
    found = [(alert, d) for alert, d in changes_of(after) if alert.key not in known]
    return sorted(found, key=lambda pair: pair[0].declared_at, reverse=True)
