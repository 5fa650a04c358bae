"""Provides the producer's desk's view types: the finder's items, an area's result, the alert
banner, the key moments — plain frozen data, no Textual, no feed models.

The board makes them (`board/area_view.py`, `board/desk.py`, `board/moments.py`)
and hands them down to the desk's widgets (`widgets/finder.py`,
`widgets/area_result.py`, `widgets/alert_banner.py`, `widgets/moments.py`). All
text in them may be untrusted feed text: widgets show it literally.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "AreaKind",
    "AreaRow",
    "AreaView",
    "BannerView",
    "FinderItem",
    "MomentKind",
    "MomentLine",
]


@dataclass(frozen=True)
class FinderItem:
    """One thing the finder can find (an area of the selected contest; a race, on a night of
    races), with what it says beside the name."""

    key: str
    """What choosing it opens (the area's name; unique within the finder)."""
    name: str
    """What is typed to find it and shown first (untrusted text, shown literally)."""
    detail: str = ""
    """Beside the name: "03:12 · LAB lose to NOC", "to declare" (untrusted, literal)."""
    section: str = ""
    """The list it belongs to when nothing is typed ("Declared", "Still to declare")."""
    highlight: bool = False
    """Marked (a change of control): bold, with "▶", so it reads without colour."""
    also: str = ""
    """More words that find it, not shown (a race's candidates); found after the names."""


@dataclass(frozen=True)
class AreaRow:
    """One line of an area's result: a party's seats on a council, or a candidate's votes."""

    key: str
    """Unique within the result (party code, or candidate name)."""
    name: str
    """Party or candidate (untrusted text, shown literally)."""
    party: str = ""
    """A candidate's party code ("" for a council's party line)."""
    colour: str | None = None
    """Party colour as "#rrggbb" from the feed; anything else shows a neutral swatch."""
    figure: int | None = None
    """Seats held (council) or votes (candidate)."""
    change: int | None = None
    """Seats gained (+) or lost (−) in this election (council)."""
    share: float | None = None
    """Share of the vote, 0–100 (candidate)."""
    share_change: float | None = None
    """Change in share, in percentage points (candidate)."""
    elected: bool = False
    """The winner: "✔"."""


AreaKind = Literal["composition", "candidates", "none"]


@dataclass(frozen=True)
class AreaView:
    """One area's result as the area screen shows it."""

    name: str
    """The area (untrusted text)."""
    contest: str
    """The contest it belongs to (untrusted text)."""
    headline: str
    """"LAB lose to NOC · declared 03:12", "Still to declare", "LAB win (rush: figures to
    follow) · 02:10"."""
    changed_hands: bool = False
    """Control changed: the headline is marked."""
    facts: tuple[str, ...] = ()
    """Short facts, each on its own: "Control LAB → NOC", "Seats up 24 of 72 (thirds)",
    "Majority 1,234", "Turnout 31.2%"."""
    kind: AreaKind = "none"
    """Which table `rows` make: a council's composition, candidates, or none."""
    rows: tuple[AreaRow, ...] = ()
    """Most seats (or votes) first."""
    note: str = ""
    """The feed's own note on the declaration, or why there are no figures."""


@dataclass(frozen=True)
class BannerView:
    """The alert banner: the newest unacknowledged alert and how many more there are."""

    text: str
    """"03:12 Dudley · LAB lose to NOC" (untrusted text, literal)."""
    contest: str = ""
    """The alert's contest: "English councils" (untrusted)."""
    count: int = 1
    """Alerts waiting to be acknowledged, this one included."""
    others: tuple[str, ...] = ()
    """The other waiting alerts' areas, newest first (untrusted)."""
    hint: str = ""
    """The keys: "a acknowledge · m moments"."""


MomentKind = Literal["first", "change", "majority", "elected", "complete", "called"]
"""What kind of key moment: a first declaration, a change of control, a majority, a winner, the
count complete, a race called (or sent to a runoff)."""


@dataclass(frozen=True)
class MomentLine:
    """One key moment of the night as the timeline shows it."""

    time: str
    """"03:12", or "by 10:30" where the feed does not say exactly when."""
    contest: str
    """The contest (untrusted text); "" where the night has one contest."""
    words: str
    """"Dudley · LAB lose to NOC", "First declaration: Birmingham · LAB hold"."""
    kind: MomentKind
    """What kind of moment (a change of control is marked)."""
    unacknowledged: bool = False
    """An alert still waiting to be acknowledged: marked "●"."""
