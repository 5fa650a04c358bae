"""Provides the small view types the widgets take: plain frozen data, no Textual, no feed models.

The board turns its state into these (`board/present.py`, `board/look.py`) and
hands them down; a widget only draws what it is given. Nothing here imports
Textual, so the plain-text `snapshot` command builds the same rows as the
screen without paying for it. All text in them may be untrusted feed text:
widgets show it literally (as `Content`, never as markup).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Literal

__all__ = [
    "BALANCE_COLUMNS",
    "COUNCIL_COLUMNS",
    "ELIMINATED_NOTE",
    "FIGURES",
    "LEGISLATURE_COLUMNS",
    "CandidateLine",
    "Chip",
    "Column",
    "ColumnKind",
    "CounterView",
    "DeclarationLine",
    "PartyLine",
    "RaceCandidateLine",
    "RaceLine",
    "RaceViewData",
    "SeatShare",
    "StatusLine",
    "StatusView",
    "TabLine",
    "Tone",
    "sort_candidates",
]

ColumnKind = Literal["count", "change", "percent", "percent_change"]


@dataclass(frozen=True)
class PartyLine:
    """One party's figures as the party table shows them; rows are keyed by `key`."""

    key: str
    """Party code, unique within the table; the no-overall-control row uses "NOC"."""
    name: str
    """Display name: untrusted feed text, always shown literally."""
    colour: str | None = None
    """Party colour as "#rrggbb" from the feed; anything else shows a neutral swatch."""
    councils: int | None = None
    councils_change: int | None = None
    seats: int | None = None
    seats_change: int | None = None
    leading: int | None = None
    """Seats not yet called where the party leads (a balance of power), apart from `seats`."""
    share: float | None = None
    """Vote share in percent, 0–100 (legislature view)."""
    share_change: float | None = None
    """Change in share, in percentage points."""
    pinned_last: bool = False
    """True for the "No Overall Control" row: always last whatever the sort."""


FIGURES = tuple(f.name for f in fields(PartyLine) if f.name not in {"key", "name", "colour"})
"""The `PartyLine` fields that hold figures (and can flash when they change)."""


@dataclass(frozen=True)
class Column:
    """One figure column: which `PartyLine` field, its header, how to format it, its width."""

    field: str
    header: str
    kind: ColumnKind
    width: int


COUNCIL_COLUMNS: tuple[Column, ...] = (
    Column("councils", "Councils", "count", 9),
    Column("councils_change", "+/-", "change", 7),
    Column("seats", "Seats", "count", 7),
    Column("seats_change", "+/-", "change", 7),
)
"""The English councils view: Councils, +/-, Seats, +/-."""

LEGISLATURE_COLUMNS: tuple[Column, ...] = (
    Column("seats", "Seats", "count", 7),
    Column("seats_change", "+/-", "change", 7),
    Column("share", "Share", "percent", 7),
    Column("share_change", "+/-", "percent_change", 7),
)
"""A parliament or assembly: Seats, +/-, Share, +/-."""

BALANCE_COLUMNS: tuple[Column, ...] = (
    Column("seats", "Won", "count", 7),
    Column("leading", "Leading", "count", 8),
    Column("seats_change", "+/-", "change", 7),
)
"""A balance of power or an electoral college: seats won and seats leading, never added."""


@dataclass(frozen=True)
class SeatShare:
    """One party's seats as the seat bar shows them."""

    key: str
    """Party code, unique within the bar."""
    label: str
    """What is printed inside the block (a short party code; untrusted text, shown literally)."""
    colour: str | None
    """Party colour as "#rrggbb"; anything else gets a neutral block."""
    seats: int
    """Seats won so far."""


@dataclass(frozen=True)
class CandidateLine:
    """One candidate's figures as the candidates table shows them; rows are keyed by `key`."""

    key: str
    """Unique within the table (the candidate's name)."""
    name: str
    """The candidate's name: untrusted feed text, always shown literally."""
    party: str
    """Party code, e.g. "LAB" (untrusted, shown literally)."""
    colour: str | None
    """Party colour as "#rrggbb"; anything else shows a neutral swatch and bar."""
    votes: int
    """Votes in the round shown (an eliminated candidate's: the round they went out in)."""
    share: float | None
    """Share of the vote in percent, 0–100 (None: not known; no bar)."""
    elected: bool = False
    """The winner: marked "✔ ELECTED"."""
    eliminated: bool = False
    """Out after the first round: muted, marked "eliminated"."""


ELIMINATED_NOTE = "eliminated: 1st-round votes"
"""What the final round says of its eliminated candidates, whose votes are the first round's."""


def sort_candidates(lines: Iterable[CandidateLine]) -> list[CandidateLine]:
    """The order of a count: most votes first; ties by name."""
    return sorted(lines, key=lambda c: (-c.votes, c.name.casefold(), c.key))


@dataclass(frozen=True)
class DeclarationLine:
    """One declaration as shown: when, where, and what happened."""

    key: str
    """Unique within the list (the area)."""
    time: datetime
    """When it was declared."""
    area: str
    """The council or constituency (untrusted text)."""
    wording: str
    """"LAB hold", "CON gain from LAB", "LAB lose to NOC" (made from party codes)."""
    changed_hands: bool
    """Control changed: highlighted."""


@dataclass(frozen=True)
class CounterView:
    """What the reporting counter shows: the figures in digits and the line of words under them."""

    reported: int = 0
    """Declared so far."""
    total: int = 0
    """Declaring in all (0: not known; the counter shows "-")."""
    words: str = ""
    """The line under the bar, short enough for 30 columns: "96 of 124 councils · 77%"."""
    text: str = ""
    """The counter as one phrase, for logs and screen readers: "96 of 124 councils reported"."""


@dataclass(frozen=True)
class TabLine:
    """One tab of the contest tabs: "2  Scottish Parliament ●" at its fullest."""

    key: str
    """The contest's id: unique, and what a click chooses."""
    number: str
    """The contest's place ("2": the key that chooses it, up to 9)."""
    title: str
    """The contest's title (untrusted text, shown literally; shortened to fit)."""
    mark: str = ""
    """A mark after the title, never cut ("●": changed since last seen)."""

    @property
    def label(self) -> str:
        """The tab's words at their fullest."""
        words = f"{self.number}  {self.title}"
        return f"{words} {self.mark}" if self.mark else words


Tone = Literal["connecting", "live", "demo", "replay", "stale", "error", "frozen", "paused", "test"]
"""The look of a status chip; the board's stylesheet gives each its own colours."""


@dataclass(frozen=True)
class Chip:
    """One word chip at the right of the status bar ("● LIVE", "❄ FROZEN · 2 updates waiting")."""

    text: str
    """The words, glyph first (so the chip reads without colour)."""
    tone: Tone
    """Which look it takes."""
    short: str = ""
    """Fewer words for a narrow bar ("" : the same words), glyph first too."""


@dataclass(frozen=True)
class StatusLine:
    """A line under the times: an error, a standing problem, or a note."""

    text: str
    """The words (may hold untrusted text from the feed or source: shown literally)."""
    tone: Literal["error", "problem", "note"]
    """`error` for a failing feed, `problem` for a standing fault beside good figures."""
    shorter: tuple[str, ...] = ()
    """Shorter forms of `text`, longest first: the first that fits is shown (else the last,
    cut with "…")."""


@dataclass(frozen=True)
class StatusView:
    """Everything the status bar shows at one moment; one value replaces the last."""

    title: str = ""
    """The night's title (untrusted feed text)."""
    title_chip: Chip | None = None
    """A chip before the title (TEST data, so the title never reads as live), or None."""
    band: Tone | None = None
    """A tone for the whole bar (TEST data), or None: the bar gets the class `-TONE`."""
    chips: tuple[Chip, ...] = ()
    """Right-aligned, in order."""
    times: tuple[str, ...] = ()
    """The times line in versions from longest to shortest; the first that fits is shown."""
    lines: tuple[StatusLine, ...] = ()
    """Lines under the times (each cut to the width)."""


@dataclass(frozen=True)
class RaceLine:
    """One race as the overview shows it; rows are keyed by `key`."""

    key: str
    """Unique (the contest id)."""
    group: str
    """The office, the overview's groups ("President", "U.S. Senate")."""
    order: int
    """The group's place in the feed (groups keep the feed's order)."""
    place: str
    """State and district: "AZ", "NY District 3" (untrusted text, shown literally)."""
    leader: str
    """The winner when called, else the leader; "" before any vote (untrusted)."""
    margin: float | None
    """Points between first and second, 0–100 (None: not known)."""
    reported: float
    """How much is in, 0–100."""
    basis: str
    """What `reported` measures: "exp. vote" or "precincts" ("" when nothing is known)."""
    called: bool = False
    runoff: bool = False


@dataclass(frozen=True)
class RaceCandidateLine:
    """One candidate as the race view shows it."""

    name: str
    """Untrusted, shown literally; "(i)" is added for an incumbent."""
    party: str
    colour: str | None
    votes: int
    share: float | None
    """0–100."""
    winner: bool = False
    runoff: bool = False
    incumbent: bool = False


@dataclass(frozen=True)
class RaceViewData:
    """What the race view shows."""

    title: str
    status: str
    """The race in words (`board.race_views.race_status`)."""
    called: bool
    progress: str
    """How much is in, in words ("250 of 523 precincts (48%)")."""
    candidates: tuple[RaceCandidateLine, ...]
    """Most votes first."""
    note: str = ""
    """Anything else worth a line (electoral votes at stake, when it was called)."""
