"""Provides AP Elections API documents for tests: builders and a scripted night, all invented.

Shapes follow AP's public documentation ("Elections Response": races →
reportingUnits → candidates; `precinctsReportingPct` on 0–100; `winner` "X"
or "R"; `nextrequest`; `isTruncated` on updates). Every race, name and figure
here is made up: the election of 7 November 2028 in a handful of states.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = [
    "DATE",
    "NIGHT",
    "candidate",
    "encode",
    "national",
    "race",
    "response",
    "trend_table",
]

DATE = "2028-11-07"
"""The invented election date."""

Json = dict[str, Any]


def _given(found: Json, **fields: Any) -> Json:
    """`found` with each of `fields` whose value is not None (AP leaves an unknown one out)."""
    found.update((key, value) for key, value in fields.items() if value is not None)
    return found


def candidate(
    cid: str,
    name: str,
    party: str | None,
    votes: int = 0,
    *,
    winner: str | None = None,
    incumbent: bool = False,
    elect_won: int | None = None,
) -> Json:
    """One candidate as AP writes it (`first`/`last`, `voteCount`, `winner`)."""
    first, _, last = name.rpartition(" ")
    return _given(
        {"candidateID": cid, "last": last, "voteCount": votes},
        first=first or None,
        party=party,
        winner=winner or None,
        incumbent=incumbent or None,
        electWon=elect_won,
    )


def race(
    race_id: str,
    state: str,
    office_id: str,
    office: str,
    candidates: list[Json],
    *,
    precincts: tuple[int, int] = (0, 100),
    seat: str | None = None,
    counties: int = 0,
    elect_total: int | None = None,
    eevp: float | None = None,
    updated: str = f"{DATE}T23:00:00Z",
    num_winners: int | None = None,
) -> Json:
    """A race with its state-level unit and `counties` county units (votes split evenly)."""
    reporting, total = precincts
    top = _given(
        {
            "statePostal": state,
            "stateName": state,
            "level": "state",
            "lastUpdated": updated,
            "precinctsReporting": reporting,
            "precinctsTotal": total,
            "precinctsReportingPct": round(100.0 * reporting / total, 4) if total else 0.0,
            "candidates": candidates,
        },
        electTotal=elect_total,
    )
    units = [top]
    for n in range(counties):
        units.append(
            {
                "statePostal": state,
                "reportingunitName": f"County {n + 1}",
                "reportingunitID": str(1000 + n),
                "level": "subunit",
                "fipsCode": f"{n:05d}",
                "lastUpdated": updated,
                "precinctsReporting": reporting // max(counties, 1),
                "precinctsTotal": total // max(counties, 1),
                "precinctsReportingPct": top["precinctsReportingPct"],
                "candidates": [
                    {**c, "voteCount": c["voteCount"] // counties, "winner": None}
                    for c in candidates
                ],
            }
        )
    found = {
        "test": False,
        "raceID": race_id,
        "raceType": "General",
        "raceTypeID": "G",
        "officeID": office_id,
        "officeName": office,
        "reportingUnits": units,
    }
    return _given(found, seatName=seat or None, eevp=eevp, numWinners=num_winners)


def response(
    races: list[Json],
    *,
    link: str | None = None,
    truncated: bool | None = None,
    timestamp: str = f"{DATE}T23:00:00.000Z",
    results_type: str | None = None,
) -> Json:
    """A response of the elections endpoint (`isTruncated` only when given: updates)."""
    return _given(
        {"electionDate": DATE, "timestamp": timestamp, "races": races},
        resultsType=results_type or None,
        isTruncated=truncated,
        nextrequest=link,
    )


def trend_table(office: str, code: str, parties: dict[str, tuple[str, str, str, str]]) -> Json:
    """A trend table: per party (won, leading, holdovers, net winners), every figure a string."""
    return {
        "trendtable": {
            "office": office,
            "OfficeTypeCode": code,
            "Test": "0",
            "timestamp": f"{DATE}T23:30:00Z",
            "party": [
                {
                    "title": title,
                    "trend": [{"Won": won}, {"Leading": leading}, {"Holdovers": held}],
                    "NetChange": {"trend": [{"Winners": net}, {"Leaders": "0"}]},
                }
                for title, (won, leading, held, net) in parties.items()
            ],
        }
    }


def encode(document: Json) -> bytes:
    """Compact JSON bytes, as AP sends them."""
    return json.dumps(document, separators=(",", ":")).encode()


def _president(
    state: str,
    rid: str,
    ev: int,
    dem: int,
    gop: int,
    call: str | None = None,
    precincts: tuple[int, int] = (0, 400),
    eevp: float | None = None,
) -> Json:
    return race(
        rid,
        state,
        "P",
        "President",
        [
            candidate(
                cid,
                name,
                party,
                votes,
                winner="X" if call == party else None,
                elect_won=ev if call == party else None,
            )
            for cid, name, party, votes in (
                ("9001", "Ada Quill", "Dem", dem),
                ("9002", "Ben Ferris", "GOP", gop),
            )
        ],
        precincts=precincts,
        elect_total=ev,
        eevp=eevp,
    )


def _senate(
    state: str, votes: tuple[int, int], call: bool = False, precincts: tuple[int, int] = (0, 300)
) -> Json:
    return race(
        "3100",
        state,
        "S",
        "U.S. Senate",
        [
            candidate("7001", "Cora Lindqvist", "Dem", votes[0], incumbent=True),
            candidate("7002", "Dale Okafor", "GOP", votes[1], winner="X" if call else None),
        ],
        precincts=precincts,
    )


def _measure(votes: tuple[int, int], call: bool = False) -> Json:
    return race(
        "4400",
        "NV",
        "I",
        "Question",
        [
            candidate("8801", "Yes", "Yes", votes[0], winner="X" if call else None),
            candidate("8802", "No", "No", votes[1]),
        ],
        seat="2 - Water Rights",
        precincts=(300, 600),
    )


NIGHT: list[list[Json]] = [
    # 0 — polls close: a safe state called at once, no votes anywhere.
    [
        _president("WY", "0", 3, 0, 0, call="GOP"),
        _president("NV", "0", 6, 0, 0),
        _president("AZ", "0", 11, 0, 0),
        _senate("KS", (0, 0)),
        _measure((0, 0)),
    ],
    # 1 — votes in: NV leans Dem, AZ tight, KS Senate GOP ahead.
    [
        _president("NV", "0", 6, 41200, 37900, precincts=(180, 400), eevp=44),
        _president("AZ", "0", 11, 90500, 91100, precincts=(150, 400), eevp=38),
        _senate("KS", (51000, 60100), precincts=(120, 300)),
        _measure((30100, 22000)),
    ],
    # 2 — NV called for Dem; KS Senate called for GOP.
    [
        _president("NV", "0", 6, 88100, 79000, call="Dem", precincts=(380, 400), eevp=92),
        _senate("KS", (99000, 120500), call=True, precincts=(250, 300)),
    ],
    # 3 — AP retracts the KS Senate call; AZ corrected downwards for GOP.
    [
        _senate("KS", (118000, 121000), precincts=(290, 300)),
        _president("AZ", "0", 11, 120000, 119000, precincts=(260, 400), eevp=71),
    ],
]
"""The night as the races that changed at each step (a race appears whole each time)."""


def national(races: int = 500, counties: int = 60, seed: int = 7) -> Json:
    """A generated national general-election response: `races` races with `counties` county
    units each (about 20 MB at the defaults), for the benchmark."""
    import random

    rng = random.Random(seed)
    states = [f"S{n:02d}" for n in range(50)]
    offices = [("P", "President"), ("S", "U.S. Senate"), ("G", "Governor"), ("H", "U.S. House")]
    built = []
    for n in range(races):
        state = states[n % 50]
        office_id, office = offices[min(n // 50, 3)]
        seat = f"District {n // 200 + 1 + n % 7}" if office_id == "H" else None
        people = [
            candidate(f"{n}{k}", f"Person{n} Name{k}", party, rng.randrange(1000, 500000))
            for k, party in enumerate(("Dem", "GOP", "Lib", "Grn"))
        ]
        built.append(
            race(
                str(1000 + n),
                state,
                office_id,
                office,
                people,
                precincts=(rng.randrange(0, 900), 900),
                seat=seat,
                counties=counties,
                elect_total=10 if office_id == "P" else None,
            )
        )
    return response(built, link=f"/v2/elections/{DATE}?level=ru&minDateTime={DATE}T23:00:00Z")
