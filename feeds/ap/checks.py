"""Provides `compare`: one race's new figures checked against the last good ones.

AP corrects itself on the night: votes can go down, a call can be retracted.
Those are accepted — AP's figures are the figures — and named, so a producer
hears about them. Scale slips are repaired where the data says how (a
precincts percentage on 0–1 beside the counts it came from) and otherwise the
last good value stays.
"""

from __future__ import annotations

from dataclasses import replace

from feeds.ap.mapping import race_title
from feeds.ap.parse import ApRace

__all__ = ["compare"]

PERCENT_SLACK = 1.0
"""Points by which a sent percentage may differ from the one its counts give."""


def compare(held: ApRace | None, new: ApRace) -> tuple[ApRace, list[str]]:
    """The race to keep and what to say about it.

    Candidates the new figures leave out keep their last figures (an update
    names only what changed); an EEVP that looks like a 0–1 fraction keeps the
    last good value; a precincts percentage on the wrong scale is noted (the
    board shows the counts).
    """
    label = race_title(new)
    notes: list[str] = []
    race = new
    if held is not None:
        known = {c.id for c in new.candidates}
        kept = tuple(c for c in held.candidates if c.id not in known)
        if kept:
            race = replace(race, candidates=new.candidates + kept)
        before = {c.id: c for c in held.candidates}
        for candidate in new.candidates:
            old = before.get(candidate.id)
            if old is not None and candidate.votes < old.votes:
                notes.append(
                    f"{label}: {candidate.name}'s votes went down {old.votes:,} → "
                    f"{candidate.votes:,} (an AP correction)"
                )
        was = [c.name for c in held.candidates if c.winner]
        if was and not any(c.winner for c in race.candidates):
            notes.append(f"{label}: AP retracted its call ({', '.join(was)} no longer called)")
    counted = _counts_percent(race)
    pct = race.precincts_pct
    if (
        pct is not None
        and counted is not None
        and abs(pct - counted) > PERCENT_SLACK
        and abs(pct * 100 - counted) <= PERCENT_SLACK
    ):
        notes.append(
            f"{label}: precinctsReportingPct {pct:g} is a 0–1 fraction where AP documents "
            f"0–100 ({race.precincts} of {race.precincts_total} is {counted:.1f}%); "
            "the counts are shown"
        )
    if race.eevp is not None and 0 < race.eevp <= 1:
        held_eevp = held.eevp if held is not None else None
        if (counted is not None and counted >= 10) or (held_eevp is not None and held_eevp > 1):
            notes.append(
                f"{label}: eevp {race.eevp:g} looks like a 0–1 fraction where AP documents "
                "0–100; the last good value is kept"
            )
            race = replace(race, eevp=held_eevp)
    return race, notes


def _counts_percent(race: ApRace) -> float | None:
    if race.precincts is None or not race.precincts_total:
        return None
    return 100.0 * race.precincts / race.precincts_total
