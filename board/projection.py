"""Provides the projection and the net-gains chart as the board and `snapshot` show them.

One presentation for the screen (`widgets/projection.py`,
`widgets/gains_chart.py`, the wall) and for `results-board snapshot`
(`board/plain.py`): `projection_view(contest)` words a contest's projection —
always with its source, never mixed with the results — and `gains_view`
lists each party's net change in seats for the chart. Nothing here imports
Textual.
"""

from __future__ import annotations

from feeds.contests import Contest, CouncilsContest, LegislatureContest, Projection
from widgets.wall_views import GainBar, GainsView, ProjectionFigure, ProjectionView

__all__ = ["gain_bars", "gains_view", "percent_words", "projection_view"]


def percent_words(value: float) -> str:
    """A share as words: whole shares plainly ("31%"), others to one place ("31.4%")."""
    return f"{value:.0f}%" if value == round(value) else f"{value:.1f}%"


def _points(value: float) -> str:
    """A change in points with its sign: "+2", "-0.5"."""
    return f"{value:+.0f}" if value == round(value) else f"{value:+.1f}"


def _projection(contest: Contest) -> Projection | None:
    if isinstance(contest, CouncilsContest | LegislatureContest):
        return contest.projection
    return None


def projection_view(contest: Contest) -> ProjectionView | None:
    """The contest's projection in words (None: the feed carries none).

    Parties with a share come largest share first, else most seats first;
    each shows its share and change in points ("31% (+2)"), its seats
    ("330 seats") or both. A party's colour is its colour in the projection,
    else in the contest's table.
    """
    projection = _projection(contest)
    if projection is None:
        return None
    table = {party.code: party.colour for party in getattr(contest, "parties", ())}
    parties = sorted(
        (party for party in projection.parties if party.has_figures),
        key=lambda p: (-(p.share or 0), -(p.seats or 0), p.code.casefold()),
    )
    figures = []
    for party in parties:
        words = []
        if party.seats is not None:
            change = "" if party.seats_change is None else f" ({party.seats_change:+d})"
            words.append(f"{party.seats} seats{change}")
        if party.share is not None:
            change = "" if party.share_change is None else f" ({_points(party.share_change)})"
            words.append(f"{percent_words(party.share)}{change}")
        figures.append(
            ProjectionFigure(
                key=party.code,
                label=party.code,
                colour=party.colour or table.get(party.code),
                words=" · ".join(words),
            )
        )
    return ProjectionView(projection.source, projection.summary or "", tuple(figures))


def gain_bars(contest: Contest) -> list[GainBar]:
    """Each party's net change in seats, gains first (largest first), then losses (largest
    last); parties that did not move are left out. Other kinds of contest: []."""
    if not isinstance(contest, CouncilsContest | LegislatureContest):
        return []
    moved = [(party, party.seats_change) for party in contest.parties if party.seats_change]
    moved.sort(key=lambda pair: (-(pair[1] or 0), pair[0].code.casefold()))
    return [GainBar(p.code, p.code, p.colour, change or 0) for p, change in moved]


def gains_view(contest: Contest) -> GainsView:
    """The net-gains chart of a contest (no bars: nobody moved; not shown: a kind without
    seats, or a legislature counted in another unit, such as electoral votes)."""
    bars = gain_bars(contest)
    # Only seats are gained and lost: an electoral college's votes have no "before".
    seats = isinstance(contest, CouncilsContest) or (
        isinstance(contest, LegislatureContest) and contest.unit == "seats"
    )
    scale = max((abs(bar.change) for bar in bars), default=0)
    return GainsView(bars=tuple(bars), scale=scale, seats=seats)
