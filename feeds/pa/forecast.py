"""Provides `forecast`: PA's forecast in an FPTP state of parties → the contest's `Projection`.

PA's `FirstPastThePostStateOfParties` ("State of parties, including
forecasts", FPTP and PR top-up XML, election.pressassociation.com) carries
on its root `forecastWinningParty` — a party, or words such as "No overall
majority" — and `forecastMajority`, and on each `Party` its `forecastSeats`:
the seats PA forecasts it will hold when every constituency has declared.
They are PA's forecast, not results: the projection is labelled "PA
forecast". PA gives no forecast share and no forecast change; an absent
`forecastSeats` is no forecast for that party (PA leaves zeros out too, so a
party forecast to win nothing is not listed). Nothing when PA sends no
forecast at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from feeds.pa import messages as m
from feeds.projection import ProjectedParty, Projection

__all__ = ["SOURCE", "forecast"]

SOURCE = "PA forecast"
"""How the board labels PA's forecast."""


def forecast(sop: m.FptpStateOfParties, codes: Sequence[str]) -> Projection | None:
    """PA's forecast in `sop` (its parties coded `codes`, in order), or None when it has none."""
    parties = tuple(
        ProjectedParty(code=code, name=party.name or None, seats=party.forecast_seats)
        for code, party in zip(codes, sop.parties, strict=True)
        if party.forecast_seats
    )
    if not sop.forecast and not parties:
        return None
    return Projection(source=SOURCE, summary=sop.forecast or None, parties=parties)
