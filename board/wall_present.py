"""Provides `wall_view`: a contest as the wall shows it — its leading figures, padded for digits.

The wall (`widgets/wall.py`) draws each figure in Textual's `Digits`, which
lays the screen out again whenever a figure's width changes (FACTS.md). So
every figure here is right-aligned in a column as wide as the widest figure
of that column, and the counter's figure as wide as its total: an update
redraws its own digits and nothing else.

What each kind shows (the order is the table's, `board/present.py`):

- councils: councils and their change, seats and their change, per party,
  No Overall Control last; the councils reported; each party's net seat
  change as a bar where there is room;
- a legislature: seats and change and vote share, against the seats needed
  for a majority (said beside the counter, and of the leading party);
- a mayor: the candidates' votes and shares, the winner marked.

A column shows only where the feed gives at least one of its figures (`with_figures`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual.renderables.digits import DIGITS

from board.present import (
    SortKey,
    candidate_lines,
    counter_of,
    is_balance,
    party_lines,
    seat_shares,
)
from board.projection import gain_bars
from feeds.contests import (
    Contest,
    CouncilsContest,
    LegislatureContest,
    MayorContest,
)
from widgets.wall_views import CellTone as Tone
from widgets.wall_views import Chamber, WallCell, WallLine, WallView

__all__ = ["pad_column", "wall_view", "with_figures"]

NARROW = "\u00a0"
"""A no-break space: blank, one cell wide in `Digits` (which draws a space three wide)."""

COUNCIL_HEADERS: tuple[str, ...] = ("Councils", "+/-", "Seats", "+/-")
LEGISLATURE_HEADERS: tuple[str, ...] = ("Seats", "+/-", "Share %")
BALANCE_HEADERS: tuple[str, ...] = ("Won", "Leading", "+/-")
"""A balance of power or an electoral college, as its table (`BALANCE_COLUMNS`): won and
leading apart, in the contest's unit (the counter and the target name it)."""
MAYOR_HEADERS: tuple[str, ...] = ("Votes", "Share %")


def _change(value: int | None) -> WallCell:
    if value is None:
        return WallCell("")
    tone: Tone = "gain" if value > 0 else "loss" if value < 0 else "plain"
    return WallCell(f"{value:+d}" if value else "0", tone)


def _count(value: int | None) -> WallCell:
    return WallCell("" if value is None else str(value))


def _share(value: float | None) -> WallCell:
    return WallCell("" if value is None else f"{value:.1f}")


def _padded(text: str, length: int, width: int) -> str:
    """`text` right-aligned to `length` characters and `width` digit cells: spaces (3 cells in
    `Digits`) and no-break spaces (1 cell, like a comma or a point) in front."""
    spare_length, spare_width = length - len(text), width - _digits_width(text)
    spaces = (spare_width - spare_length) // 2
    narrow = spare_length - spaces
    if spaces < 0 or narrow < 0 or 3 * spaces + narrow != spare_width:
        return text.rjust(length)
    return " " * spaces + NARROW * narrow + text


def _digits_width(text: str) -> int:
    return sum(3 if character in DIGITS else 1 for character in text)


def pad_column(rows: Sequence[Sequence[WallCell]]) -> list[tuple[WallCell, ...]]:
    """Each column's figures right-aligned to the column's widest figure, equal in characters
    and in digit cells ("1,310,143" and "  994,614" differ in cells: a comma is narrow), so a
    figure's change never changes its width (blank: spaces)."""
    if not rows:
        return []
    columns = range(len(rows[0]))
    lengths = [max(len(row[i].text) for row in rows) for i in columns]
    widths = [max(_digits_width(row[i].text) for row in rows) for i in columns]
    return [
        tuple(
            WallCell(_padded(cell.text, length, width), cell.tone)
            for cell, length, width in zip(row, lengths, widths, strict=True)
        )
        for row in rows
    ]


def with_figures(
    headers: Sequence[str], rows: Sequence[Sequence[WallCell]]
) -> tuple[tuple[str, ...], list[list[WallCell]]]:
    """The columns in which the feed gives at least one figure, with their headers.

    A column the feed leaves empty for every row (no vote shares, as Scotland's feed; no
    previous figures, so no change, as an electoral college) is not drawn: on a screen read
    from across the room it would take a column's width to say nothing. (The table keeps its
    columns and says "—" per row: it is read up close, where a dash means "not given".)
    """
    keep = [i for i in range(len(headers)) if any(row[i].text for row in rows)]
    return tuple(headers[i] for i in keep), [[row[i] for i in keep] for row in rows]


def wall_view(contest: Contest, sort: SortKey | None = None) -> WallView:
    """The wall of `contest`: its counter and leading figures, padded for `Digits`."""
    counter = counter_of(contest)
    base = WallView(
        title=contest.title,
        contest=contest.id,
        counter=None if counter is None else counter.view,
    )
    if isinstance(contest, CouncilsContest | LegislatureContest):
        return _parties(contest, sort, base)
    if isinstance(contest, MayorContest):
        return _mayor(contest, base)
    return replace(base, empty=f"{contest.title}: this kind of contest is not shown on the wall")


def _parties(
    contest: CouncilsContest | LegislatureContest, sort: SortKey | None, base: WallView
) -> WallView:
    parties = party_lines(contest, sort)
    bars = {bar.key: bar for bar in gain_bars(contest)}
    notes: dict[str, str] = {}
    if isinstance(contest, CouncilsContest):
        headers = COUNCIL_HEADERS
        rows = [
            [
                _count(p.councils),
                _change(p.councils_change),
                _count(p.seats),
                _change(p.seats_change),
            ]
            for p in parties
        ]
        target = ""
    elif is_balance(contest):
        headers = BALANCE_HEADERS
        rows = [[_count(p.seats), _count(p.leading), _change(p.seats_change)] for p in parties]
    else:
        headers = _in_unit(LEGISLATURE_HEADERS, contest.unit)
        rows = [[_count(p.seats), _change(p.seats_change), _share(p.share)] for p in parties]
    if isinstance(contest, LegislatureContest):
        majority = contest.majority
        target = f"{majority} {contest.unit} for a majority"
        for party in parties:
            seats = party.seats or 0
            if seats >= majority:
                notes[party.key] = "✔ majority"
        leader = max(parties, key=lambda p: p.seats or 0)
        short = majority - (leader.seats or 0)
        if short > 0 and (leader.seats or 0) > 0:
            notes[leader.key] = f"largest · {short} short of a majority"
    headers, rows = with_figures(headers, rows)
    lines = tuple(
        WallLine(
            key=line.key,
            name=line.name,
            colour=line.colour,
            cells=padded,
            note=notes.get(line.key, ""),
            bar=bars.get(line.key),
            pinned_last=line.pinned_last,
        )
        for line, padded in zip(parties, pad_column(rows), strict=True)
    )
    scale = max((abs(bar.change) for bar in bars.values()), default=0)
    view = replace(base, headers=headers, lines=lines, scale=scale, target=target)
    if isinstance(contest, LegislatureContest):
        chamber = Chamber(
            total=contest.total,
            majority=contest.majority,
            to_declare=contest.total - contest.reported,
            shares=tuple(seat_shares(contest)),
        )
        view = replace(view, chamber=chamber)
    return view


def _in_unit(headers: tuple[str, ...], unit: str) -> tuple[str, ...]:
    """The headers with "Seats" in the contest's unit ("Electoral votes")."""
    return tuple(unit.capitalize() if header == "Seats" else header for header in headers)


def _mayor(contest: MayorContest, base: WallView) -> WallView:
    candidates = candidate_lines(contest)
    # Thousands set apart by a space (as SI writes them): a comma is narrow in `Digits`.
    rows = [[WallCell(f"{c.votes:,}".replace(",", " ")), _share(c.share)] for c in candidates]
    headers, rows = with_figures(MAYOR_HEADERS, rows)
    lines = tuple(
        WallLine(
            key=c.key,
            name=f"{c.name} ({c.party})",
            colour=c.colour,
            cells=padded,
            note="✔ ELECTED" if c.elected else "eliminated" if c.eliminated else "",
        )
        for c, padded in zip(candidates, pad_column(rows), strict=True)
    )
    target = f"Round {contest.round}"
    if contest.turnout is not None:
        target += f" · turnout {contest.turnout:.1f}%"
    return replace(
        base,
        headers=headers,
        lines=lines,
        target=target,
        nouns=("candidate", "candidates"),
    )
