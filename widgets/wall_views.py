"""Provides the view types of the wall, the net-gains chart and the projection panel.

Plain frozen data, no Textual (like `widgets.views`): the board builds them
(`board/wall_present.py`, `board/projection.py`) and `snapshot` can share
them. Every text in them may be untrusted feed text: widgets show it
literally (as `Content`, never as markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from widgets.views import CounterView, SeatShare

__all__ = [
    "CellTone",
    "Chamber",
    "GainBar",
    "GainsView",
    "ProjectionFigure",
    "ProjectionView",
    "WallCell",
    "WallLine",
    "WallView",
]


CellTone = Literal["plain", "gain", "loss"]
"""How a figure looks: plain, or a change up or down."""


@dataclass(frozen=True)
class WallCell:
    """One figure of a wall row, as its big digits show it."""

    text: str
    """The figure, already padded to its column's width ("1005", " -28", "56.8"): the digits
    never change width when the figure changes, so an update never lays the wall out again."""
    tone: CellTone = "plain"
    """A change's look (its sign carries the meaning without colour)."""


@dataclass(frozen=True)
class GainBar:
    """One party's net change in seats, as a bar either side of zero."""

    key: str
    """Party code, unique within the chart."""
    label: str
    """What the bar is labelled (a party code; untrusted, shown literally)."""
    colour: str | None
    """Party colour as "#rrggbb"; anything else: the bar takes the gain/loss colour."""
    change: int
    """Net seats gained (+) or lost (−)."""


@dataclass(frozen=True)
class WallLine:
    """One party (or candidate) on the wall; rows are keyed by `key`."""

    key: str
    """Unique within the wall (party code, candidate name)."""
    name: str
    """Display name (untrusted, shown literally)."""
    colour: str | None
    """Swatch colour as "#rrggbb"; anything else: a neutral swatch."""
    cells: tuple[WallCell, ...]
    """The figures, one per column of the wall."""
    note: str = ""
    """A word beside the name: "✔ ELECTED", "majority", "eliminated"."""
    bar: GainBar | None = None
    """The net-gains bar drawn after the figures where there is room (None: no bar)."""
    pinned_last: bool = False
    """Kept on the wall when rows must be cut for room (No Overall Control)."""


@dataclass(frozen=True)
class Chamber:
    """A legislature's seats as the seat bar draws them, against the majority line."""

    total: int
    """Seats in the chamber."""
    majority: int
    """Seats needed for a majority (the line)."""
    to_declare: int
    """Seats still to declare."""
    shares: tuple[SeatShare, ...]
    """Each party's seats, largest first."""


@dataclass(frozen=True)
class WallView:
    """Everything the wall shows of one contest; one value replaces the last."""

    title: str = ""
    """The contest's title (untrusted)."""
    contest: str = ""
    """The contest's id: the rows of another contest are made afresh, never updated in place
    (its parties' codes may be the same, its columns are not)."""
    counter: CounterView | None = None
    """The reporting counter (the reported figure padded to the total's width), or None."""
    target: str = ""
    """A line beside the counter: "31 seats for a majority", "Round 2" ("" none)."""
    headers: tuple[str, ...] = ()
    """The figure columns' headers, in order ("Councils", "+/-", "Seats", "+/-")."""
    lines: tuple[WallLine, ...] = ()
    """The rows in display order; the wall shows as many as fit, pinned rows kept."""
    scale: int = 0
    """The largest net change of any row (the gains bars' full length); 0: no bars."""
    empty: str = ""
    """What the wall says when it has no rows (a kind without figures)."""
    chamber: Chamber | None = None
    """A legislature's seat bar with its majority line (None: not a legislature)."""
    nouns: tuple[str, str] = ("party", "parties")
    """What a row is, one and many: "+ 3 more parties" ("candidate", "candidates": a mayor)."""


@dataclass(frozen=True)
class GainsView:
    """The net-gains chart: bars in order, gains first."""

    title: str = "Net seats gained and lost"
    bars: tuple[GainBar, ...] = ()
    scale: int = 0
    """The longest bar's change (absolute); 0 when no party moved."""
    seats: bool = True
    """False for a contest with no seats to gain (a mayoralty, a night of races): the chart
    is not shown at all."""


@dataclass(frozen=True)
class ProjectionFigure:
    """One party's projected figures, in words: "LAB 31%", "Lab 330 seats"."""

    key: str
    label: str
    """The party code (untrusted)."""
    colour: str | None
    words: str
    """The figures: "31% (+2)", "330 seats"."""


@dataclass(frozen=True)
class ProjectionView:
    """A projection, always with its source: "PA forecast: No overall majority"."""

    source: str = ""
    """Whose projection (untrusted, always shown)."""
    summary: str = ""
    """The projection in words ("" none)."""
    figures: tuple[ProjectionFigure, ...] = ()
    """The parties' projected figures, largest first."""

    @property
    def heading(self) -> str:
        """The line that names it: "Projection · PA forecast: No overall majority"."""
        head = f"Projection · {self.source}"
        return f"{head}: {self.summary}" if self.summary else head

    @property
    def line(self) -> str:
        """The figures as one line: "LAB 31% · CON 30% · LD 15%"."""
        return " · ".join(f"{figure.label} {figure.words}" for figure in self.figures)
