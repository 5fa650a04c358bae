"""Provides the synthetic English councils of the 2016 build: when each council declares,
with which seats and seat changes, and the `councils` contest at any moment of the night.

Used by `build_2016` (the JSON recording) and `pa_2016` (the PA folder), which draw from
one seeded `random.Random` in the same order. The final table is the sourced one in
`data_2016`; the order, times, most council lines and every intermediate tally are
synthetic, shaped by the tables below (README.md). Times are British Summer Time.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta, timezone
from typing import Any

from sample_feeds import data_2016 as night
from sample_feeds.councils_2016 import AREAS, council_result

__all__ = ["at", "councils_contest", "english_declarations", "iso", "spread"]

Doc = dict[str, Any]
BST = timezone(timedelta(hours=1))
CODES = tuple(row[0] for row in night.ENGLAND)
MOVABLE = ("LAB", "CON", "LD", "IND", "UKIP", "GRN")  # parties whose seat changes are generated
# Synthetic: councils counting on Friday morning; the last four declare after the moment the
# table shows Labour −25 and Ukip +20 (between them they move Labour −3 and Ukip +3).
FRIDAY = ("Adur", "Amber Valley", "Brentwood", "Carlisle", "Cherwell", "Colchester",
          "Elmbridge", "Epping Forest", "Exeter", "Harlow", "Hart", "Maidstone", "Pendle",
          "Redditch", "Rochford", "Rossendale", "St Albans", "Tamworth", "West Lancashire",
          "Worthing")  # fmt: skip
TAIL = ("Winchester", "Nuneaton and Bedworth", "Woking", "Basildon")
NIGHT_AT = {"Birmingham": 0, "Sandwell": 4, "Bury": 22, "Walsall": 27, "Dudley": 33}
DAY_AT = {"Worcester": 5, "Rugby": 9}
FIXED_SEATS = {  # seats won: Rugby, Nuneaton, Basildon, Stockport, Sandwell sourced; see README
    "Rugby": {"CON": 7, "LAB": 3, "LD": 3, "IND": 1},
    "Nuneaton and Bedworth": {"LAB": 12, "CON": 5, "GRN": 1},
    "Basildon": {"CON": 6, "UKIP": 5, "LAB": 3},
    "Stockport": {"LD": 9, "LAB": 8, "CON": 3, "RES": 1},
    "Sandwell": {"LAB": 24},
    "Walsall": {"LAB": 10, "CON": 7, "LD": 2, "IND": 1},
    "Dudley": {"LAB": 11, "CON": 12, "UKIP": 1},
    "Worcester": {"CON": 5, "LAB": 5, "GRN": 1},
}
PINNED = {"Elmbridge": {"RES": 3}, "Liverpool": {"LIB": 2}, "Sefton": {"LIB": 1}}
FIXED_CHANGES: dict[str, dict[str, int]] = {  # Dudley, Nuneaton, Basildon's Ukip +3 sourced
    "Birmingham": {"LAB": 1, "CON": -1},
    "Dudley": {"LAB": -3, "CON": 4, "UKIP": 1, "IND": -2},
    "Walsall": {"LAB": 1, "CON": -1},
    "Worcester": {"CON": -2, "LAB": 1, "GRN": 1},
    "Nuneaton and Bedworth": {"LAB": -3, "CON": 3},
    "Basildon": {"UKIP": 3, "CON": -2, "IND": -1},
    "Rugby": {"CON": -2, "LD": 1, "IND": 1},
    "Peterborough": {"CON": 3, "LAB": -1, "LD": -1, "IND": -1},
    "Hart": {"CON": 2, "LD": -1, "IND": -1},
    "Stockport": {"LD": 2, "LAB": -1, "CON": -1},
    "Bradford": {"RESP": -5, "LAB": 5},
    "Liverpool": {"LIB": -2, "LAB": 2},
    **{name: {} for name in ("Sandwell", "Winchester", "Woking")},
}
NOTES = {
    "Birmingham": "The first seat declared of the night was a Labour gain.",
    "Dudley": "Labour lost the last seat, Wollaston and Stourbridge Town, by three votes "
    "after recounts.",
    "Worcester": "Con 17, Lab 16, Green 2: the Conservatives lose their majority.",
    "Walsall": "Labour won 10 seats, the Conservatives 7; the Liberal Democrats held Short "
    "Heath and Willenhall North.",
}
WEIGHTS = {  # LAB, CON, LD, IND, UKIP, GRN: likely share of the seats up, by control
    "LAB": (70, 16, 6, 4, 2, 1),
    "CON": (18, 62, 12, 5, 2, 1),
    "LD": (15, 30, 50, 3, 1, 1),
    "NOC": (35, 35, 18, 7, 3, 2),
}
BOOST = {
    "UKIP": ("Rotherham", "Thurrock", "Hartlepool", "Southend-on-Sea", "Castle Point", "Havant"),
    "GRN": ("Norwich", "Sheffield", "Kirklees", "Solihull", "Exeter", "Reading", "Calderdale"),
    "IND": ("Castle Point", "Rochford", "Hartlepool", "Epping Forest", "Pendle", "Knowsley"),
}


def at(day: int, hour: int, minute: int) -> datetime:
    """A time on the night of 5–7 May 2016, British Summer Time."""
    return datetime(2016, 5, day, hour, minute, tzinfo=BST)


def iso(t: datetime) -> str:
    """RFC 3339 with the +01:00 offset of British Summer Time."""
    return t.isoformat()


def spread(rng: random.Random, start: datetime, end: datetime, count: int) -> list[datetime]:
    """`count` strictly increasing times from `start` to `end`, both included."""
    steps = [rng.randint(2, 12) for _ in range(count - 1)]
    span, total = int((end - start).total_seconds()), sum(steps)
    return [start + timedelta(seconds=span * sum(steps[:i]) // total) for i in range(count)]


def _seats(rng: random.Random, info: dict[str, tuple[str, str, int]]) -> dict[str, Counter[str]]:
    """Seats won per council and party; the columns add up to the blog's table."""
    seats = {name: Counter(FIXED_SEATS.get(name, PINNED.get(name, {}))) for name in info}
    free = [name for name in info if name not in FIXED_SEATS]
    room = {name: info[name][2] - sum(seats[name].values()) for name in free}
    for code, *_, total, _ in night.ENGLAND[-1:0:-1]:  # every party but Labour, smallest first
        column = MOVABLE.index(code) if code in MOVABLE else None
        for _ in range(total - sum(s[code] for s in seats.values())):
            assert column is not None, f"{code} seats must be fixed or pinned"
            weights = [
                WEIGHTS[info[n][0]][column] * room[n] * (8 if n in BOOST.get(code, ()) else 1)
                for n in free
            ]
            name = rng.choices(free, weights=weights)[0]
            seats[name][code] += 1
            room[name] -= 1
    for name in free:
        seats[name]["LAB"] += room[name]  # Labour's column is what is left: 1005
    for name in free:  # where a party has a majority, it won the most seats up
        while (party := info[name][0]) != "NOC":
            rival = max((c for c in MOVABLE if c != party), key=lambda c: seats[name][c])
            if seats[name][party] > seats[name][rival]:
                break
            donor = next(d for d in free if info[d][0] in (rival, "NOC") and seats[d][party] > 1)
            for where, sign in ((name, 1), (donor, -1)):
                seats[where][party] += sign
                seats[where][rival] -= sign
    return seats


def _changes(
    rng: random.Random, info: dict[str, tuple[str, str, int]], seats: dict[str, Counter[str]]
) -> dict[str, Counter[str]]:
    """Seat changes per council, adding up to the table; no party gains more than it won."""
    change = {name: Counter(FIXED_CHANGES.get(name, {})) for name in info}
    need = {row[0]: row[6] - sum(c[row[0]] for c in change.values()) for row in night.ENGLAND}
    assert all(need[code] == 0 for code in CODES if code not in MOVABLE)
    gains = [p for p in MOVABLE for _ in range(max(need[p], 0))]
    losses = [p for p in MOVABLE for _ in range(max(-need[p], 0))]
    rng.shuffle(gains)
    rng.shuffle(losses)
    moves: list[tuple[str, str | None]] = [*zip(gains, losses, strict=False)]
    moves += [(gain, None) for gain in gains[len(losses) :]]  # councils with one more seat up
    for _ in range(30):  # churn: seats that changed hands both ways
        a, b = rng.sample(MOVABLE[:4], 2)
        moves += [(a, b), (b, a)]
    free = [name for name in info if name not in FIXED_CHANGES]
    for gain, loss in moves:
        options = [
            n
            for n in free
            if seats[n][gain] > change[n][gain]
            and sum(map(abs, change[n].values())) < 8
            and not (loss == info[n][0] and change[n][loss] <= -3)
        ]
        name = rng.choices(options, weights=[info[n][2] for n in options])[0]
        change[name][gain] += 1
        if loss:
            change[name][loss] -= 1
    return change


def english_declarations(
    rng: random.Random,
) -> list[tuple[datetime, str, str, str, Counter[str], Counter[str]]]:
    """English declarations in order: (time, council, control, before, seats, seat changes).

    The first draws of `rng`: the JSON night and the PA folder (`pa_2016`) both start here
    from the same seed, so they end on the same English table.
    """
    info = night.councils()
    seats = _seats(rng, info)
    change = _changes(rng, info, seats)
    overnight = [n for n in info if n not in (*FRIDAY, *TAIL, *NIGHT_AT, *DAY_AT)]
    day = list(FRIDAY)
    rng.shuffle(overnight)
    rng.shuffle(day)
    for names, fixed in ((overnight, NIGHT_AT), (day, DAY_AT)):
        for name, index in sorted(fixed.items(), key=lambda item: item[1]):
            names.insert(index, name)
    times = spread(rng, at(5, 23, 45), at(6, 5, 28), len(overnight))
    times += spread(rng, at(6, 8, 30), at(6, 10, 30), len(day) + len(TAIL))
    order = zip(times, [*overnight, *day, *TAIL], strict=True)
    return [(t, n, *info[n][:2], seats[n], change[n]) for t, n in order]


def councils_contest(declared: list[tuple[datetime, str, str, str, Any, Any]]) -> Doc:
    """The `councils` contest (a results-board/1.1 dict) once `declared` have declared."""
    won, moved, held, net = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    declarations = []
    for when, name, control, previous, seats, change in declared:
        won.update(seats)
        moved.update(change)
        held[control] += 1
        net.update({control: 1, previous: -1} if control != previous else {})
        note = {"note": NOTES[name]} if name in NOTES else {}
        declarations.append(
            dict(area=name, declared_at=iso(when), control=control, previous_control=previous)
            | note
            | {"result": council_result(name, control, seats, change)}
        )
    parties = [
        dict(code=code, name=name, colour=colour, councils=held[code], councils_change=net[code],
             seats=won[code], seats_change=moved[code])
        for code, name, colour, *_ in night.ENGLAND
    ]  # fmt: skip
    noc = dict(councils=held["NOC"], councils_change=net["NOC"])
    return dict(kind="councils", id="england", title="English councils", total=124,
                reported=len(declared), parties=parties, no_overall_control=noc,
                declarations=declarations, areas=list(AREAS))  # fmt: skip
