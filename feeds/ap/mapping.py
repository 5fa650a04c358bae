"""Provides the mapping from AP's races to contests: `race_contest` and `electoral_college`.

A race becomes a `race` contest (`feeds.race`); the presidential races' electoral
votes add up to an `electoral-college` contest of kind `legislature` (538
electors, 270 to win): `seats` are the electoral votes of states AP has called,
`leading` those of states not called where the party's candidate leads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from feeds.ap.parse import ApRace
from feeds.contests import LegislatureContest, LegislatureParty
from feeds.race import RaceCandidate, RaceContest, Reporting

__all__ = ["ELECTORS", "MAJORITY", "contest_id", "electoral_college", "race_contest", "race_order"]

ELECTORS = 538
"""Members of the US electoral college (23rd Amendment; 3 U.S.C. § 3)."""
MAJORITY = 270
"""Electoral votes needed to win the presidency: a majority of 538."""

OFFICE_ORDER = {"P": 0, "S": 1, "H": 2, "G": 3, "I": 9}
"""Offices in the order a US night is read: president, senate, house, governor, …, measures."""

_NOT_SLUG = re.compile(r"[^a-z0-9_\-]+")


def contest_id(race: ApRace) -> str:
    """A slug for the race: `ap-{state}-{raceid}` ("ap-ak-0")."""
    slug = _NOT_SLUG.sub("-", f"ap-{race.key}".lower()).strip("-")
    return slug[:64]


def race_order(race: ApRace) -> tuple[int, str, str, str]:
    """Sort key: office, then state, then district (numbers in order), then race ID."""
    district = race.district or ""
    digits = re.sub(r"\D", "", district)
    return (OFFICE_ORDER.get(race.office_id, 5), race.state or "", digits.zfill(4), race.race_id)


def race_title(race: ApRace) -> str:
    """ "AK President", "NY U.S. House District 3", "CO Proposition: BB Retain Revenue"."""
    state = race.state or "US"
    if race.measure:
        return f"{state} {race.office}: {race.district or race.description or race.race_id}"
    if race.district:
        return f"{state} {race.office} {race.district}"
    return f"{state} {race.office}"


def race_contest(race: ApRace, called_at: datetime | None, contest: str) -> RaceContest:
    """The race as a `race` contest with id `contest`; shares computed from the votes (0–100).

    Raises:
        pydantic.ValidationError: a field that breaks the format (a party code with
            characters the format refuses, say).
    """
    total = sum(c.votes for c in race.candidates)
    candidates = tuple(
        RaceCandidate(
            name=c.name,
            party=None if race.measure else c.party,
            votes=c.votes,
            share=round(100.0 * c.votes / total, 2) if total else None,
            winner=c.winner,
            runoff=c.runoff,
            incumbent=c.incumbent,
            electoral_votes=c.elect_won,
        )
        for c in race.candidates
    )
    return RaceContest(
        kind="race",
        id=contest,
        title=race_title(race),
        office=race.office,
        state=race.state,
        district=None if race.measure else race.district,
        measure=race.measure,
        seats=race.seats,
        candidates=candidates,
        reporting=Reporting(
            precincts=race.precincts,
            precincts_total=race.precincts_total,
            expected_vote=race.eevp,
        ),
        called_at=called_at,
        updated_at=race.last_updated,
        electoral_votes=race.elect_total,
        uncontested=race.uncontested,
    )


def electoral_college(races: Iterable[ApRace]) -> LegislatureContest | None:
    """The electoral votes of the presidential races by party; None when no race carries any.

    The national roll-up unit ("US") is skipped: its votes are the states' again.
    """
    won: dict[str, int] = {}
    leading: dict[str, int] = {}
    reported = 0
    found = False
    for race in races:
        if race.office_id != "P" or not race.elect_total or race.state == "US":
            continue
        found = True
        for candidate in race.candidates:
            if candidate.party:
                won.setdefault(candidate.party, 0)
                leading.setdefault(candidate.party, 0)
        if any(c.winner for c in race.candidates):
            reported += race.elect_total
            for candidate in race.candidates:
                if candidate.party and candidate.elect_won:
                    won[candidate.party] += candidate.elect_won
            continue
        ranked = sorted(race.candidates, key=lambda c: -c.votes)
        top = ranked[0] if ranked else None
        tie = len(ranked) > 1 and ranked[1].votes == ranked[0].votes
        if top is not None and top.party and top.votes > 0 and not tie:
            leading[top.party] += race.elect_total
    if not found or not won:
        return None
    parties = sorted(won, key=lambda p: (-won[p], -leading[p], p))
    return LegislatureContest(
        kind="legislature",
        id="electoral-college",
        title="Electoral college",
        total=ELECTORS,
        reported=min(reported, ELECTORS),
        majority=MAJORITY,
        unit="electoral votes",
        parties=tuple(
            LegislatureParty(code=p, name=p, seats=won[p], leading=leading[p]) for p in parties
        ),
    )
