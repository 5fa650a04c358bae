"""Provides the build of the bundled 2016 night: `python -m sample_feeds.build_2016 [--check]`.

The recording is generated, never edited by hand. One seeded `random.Random`
and no clock make it byte-for-byte reproducible; every line is validated with
`parse_feed` before it is written. The final figures are the sourced ones in
`data_2016`; the order and times of declarations, most council lines and every
intermediate tally are synthetic, shaped by the tables below (README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from feeds.parse import parse_feed
from sample_feeds import data_2016 as night
from sample_feeds.councils_2016 import AREAS, council_result

__all__ = ["OUTPUT", "SEED", "build", "main"]

Doc = dict[str, Any]
Seat = tuple[datetime, str, str]  # declared at, won by, held before
OUTPUT = Path(__file__).with_name("election-2016.jsonl")
"""The committed recording this script writes (or compares with `--check`)."""
SEED = 20160505
"""The seed of the one `random.Random` every synthetic choice comes from."""

BST = timezone(timedelta(hours=1))
TITLE = "Election 2016 results live"
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
# Synthetic paths to the Scottish and Welsh finals: constituencies as "won held-before count",
# then list seats (this election's against the last), shuffled into regions of 7 and of 4.
SCOT_SEATS = "SNP SNP 48, SNP LAB 11, LAB LAB 3, CON CON 3, CON SNP 3, CON LAB 1, LD LD 2, LD SNP 2"
SCOT_LISTS = ("SNP 4, CON 24, LAB 21, GRN 6, LD 1", "SNP 16, CON 12, LAB 22, GRN 2, LD 3, IND 1")
WALES_SEATS = "LAB LAB 27, PC PC 5, PC LAB 1, CON CON 6, LD LD 1"
WALES_LISTS = ("LAB 2, PC 6, CON 5, UKIP 7", "LAB 2, CON 8, PC 6, LD 4")
WOOD = "Plaid Cymru leader Leanne Wood takes Rhondda from Labour: 11,891 to 8,432."
RHONDDA = dict(area="Rhondda", control="PC", previous_control="LAB", note=WOOD)
LONDON = dict(area="London", control="LAB", previous_control="CON",
              note="Sadiq Khan is elected Mayor of London.")  # fmt: skip


def at(day: int, hour: int, minute: int) -> datetime:
    """A time on the night of 5–7 May 2016, British Summer Time."""
    return datetime(2016, 5, day, hour, minute, tzinfo=BST)


def iso(t: datetime) -> str:
    """RFC 3339 with the +01:00 offset of British Summer Time."""
    return t.isoformat()


def _spread(rng: random.Random, start: datetime, end: datetime, count: int) -> list[datetime]:
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


def _england(
    rng: random.Random,
) -> list[tuple[datetime, str, str, str, Counter[str], Counter[str]]]:
    """English declarations in order: (time, council, control, before, seats, seat changes)."""
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
    times = _spread(rng, at(5, 23, 45), at(6, 5, 28), len(overnight))
    times += _spread(rng, at(6, 8, 30), at(6, 10, 30), len(day) + len(TAIL))
    order = zip(times, [*overnight, *day, *TAIL], strict=True)
    return [(t, n, *info[n][:2], seats[n], change[n]) for t, n in order]


def _councils_contest(declared: list[tuple[datetime, str, str, str, Any, Any]]) -> Doc:
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


def _expand(text: str) -> list[list[str]]:
    """`"SNP LAB 2, …"` → `[["SNP", "LAB"], ["SNP", "LAB"], …]`."""
    return [item.split()[:-1] for item in text.split(", ") for _ in range(int(item.split()[-1]))]


def _chamber(rng: random.Random, plan: tuple[str, tuple[str, str], int, int],
             batches: list[datetime], regions: list[datetime]) -> list[Seat]:  # fmt: skip
    """Every seat as (declared, won by, held before): constituencies in batches, then lists."""
    text, lists, size, cap = plan
    pairs = _expand(text)
    rng.shuffle(pairs)
    cuts = sorted(rng.sample(range(1, len(pairs)), len(batches) - 1))
    seats = [(batches[sum(c <= i for c in cuts)], w, h) for i, (w, h) in enumerate(pairs)]
    new, old = ([pair[0] for pair in _expand(text)] for text in lists)
    while True:  # no region gives one party more than `cap` list seats
        rng.shuffle(new)
        rng.shuffle(old)
        if all(max(Counter(new[i : i + size]).values()) <= cap for i in range(0, len(new), size)):
            break
    return seats + [
        (regions[i // size], *pair) for i, pair in enumerate(zip(new, old, strict=True))
    ]


def _legislature(key: str, title: str, majority: int, rows: Any, seats: list[Seat],
                 declarations: list[Doc], t: datetime) -> Doc:  # fmt: skip
    done = [(w, h) for when, w, h in seats if when <= t]
    won, held = Counter(w for w, _ in done), Counter(h for _, h in done)
    parties = []
    for code, name, colour, _, _, votes, share in rows:
        row = dict(code=code, name=name, colour=colour, seats=won[code])
        row["seats_change"] = won[code] - held[code]
        final = len(done) == len(seats) and votes is not None
        parties.append(row | (dict(votes=votes, share=share) if final else {}))
    return dict(kind="legislature", id=key, title=title, total=len(seats), reported=len(done),
                majority=majority, parties=parties,
                declarations=[d for d in declarations if d["declared_at"] <= iso(t)])  # fmt: skip


def _london_votes(rng: random.Random) -> dict[str, list[int]]:
    """First-round votes per candidate per constituency, adding up to the finals."""
    size = [rng.uniform(0.8, 1.2) for _ in night.LONDON_AREAS]
    split = {}
    for name, _, _, votes, _ in night.LONDON:
        weights = [s * rng.uniform(0.7, 1.3) for s in size]
        exact = [votes * w / sum(weights) for w in weights]
        part = [int(e) for e in exact]
        for i in sorted(range(len(part)), key=lambda i: part[i] - exact[i])[: votes - sum(part)]:
            part[i] += 1
        split[name] = part
    return split


def _mayor(split: dict[str, list[int]], declared: list[int], final: bool, t: datetime) -> Doc:
    votes = {name: sum(split[name][i] for i in declared) for name in split}
    all_in, counted = len(declared) == len(night.LONDON_AREAS), sum(votes.values())
    candidates = []
    for name, party, colour, _, share in night.LONDON:
        row: Doc = dict(name=name, party=party, colour=colour, votes=votes[name])
        if final and name in night.FINAL_ROUND:
            row["votes"], row["share"] = night.FINAL_ROUND[name]
            row |= {"elected": True} if name == "Sadiq Khan" else {}
        elif final:
            row["eliminated"] = True
        elif counted:
            row["share"] = share if all_in and share else round(100 * votes[name] / counted, 1)
        candidates.append(row)
    doc: Doc = dict(kind="mayor", id="london", title="London mayor", round=2 if final else 1,
                    candidates=candidates, total=len(night.LONDON_AREAS),
                    reported=len(declared))  # fmt: skip
    doc |= {"turnout": 45.3} if all_in else {}
    return doc | ({"declarations": [LONDON | {"declared_at": iso(t)}]} if final else {})


def _ticker(declared: dict[str, datetime], times: list[datetime], moment: datetime) -> list[Doc]:
    """Ticker items, each published with the first document at or after its moment."""
    items = []
    for key, when, kind, text, people in night.ticker():
        if when == "moment":
            due = moment
        elif "+" in when:
            area, minutes = when.split("+")
            due = declared[area] + timedelta(minutes=int(minutes))
        else:
            due = at(6, *map(int, when.split(":")))
        published = iso(next(t for t in times if t >= due))
        items.append(dict(id=key, published_at=published, kind=kind, text=text) | people)
    return sorted(items, key=lambda item: item["published_at"])


def build() -> list[bytes]:
    """Every document of the night, in order, as compact JSON; each validated by `parse_feed`."""
    rng = random.Random(SEED)
    english = _england(rng)
    times = [decl[0] for decl in english]

    def pick(start: datetime, end: datetime, count: int) -> list[datetime]:
        return sorted(rng.sample([t for t in times if start <= t <= end], count))

    scot_lists = _spread(rng, at(6, 13, 5), at(6, 16, 40), 4)  # two regions at a time
    scotland = _chamber(rng, (SCOT_SEATS, SCOT_LISTS, 7, 5), pick(at(6, 0, 20), at(6, 5, 25), 18),
                        [t for t in scot_lists for _ in (1, 2)])  # fmt: skip
    wales = _chamber(rng, (WALES_SEATS, WALES_LISTS, 4, 2), pick(at(6, 0, 30), at(6, 4, 5), 10),
                     pick(at(6, 4, 10), at(6, 5, 28), 5))  # fmt: skip
    rhondda = next(t for t, w, h in wales if (w, h) == ("PC", "LAB"))
    welsh = [RHONDDA | {"declared_at": iso(rhondda)}]
    split = _london_votes(rng)
    london = list(range(len(night.LONDON_AREAS)))
    rng.shuffle(london)
    london_times, london_final = _spread(rng, at(6, 14, 10), at(6, 23, 12), 7), at(7, 0, 21)
    start, opening = at(5, 22, 0), at(5, 22, 45)
    doc_times = sorted({start, opening, *times, *scot_lists, *london_times, london_final})
    ticker = _ticker({decl[1]: decl[0] for decl in english}, doc_times, times[91])
    lines = []
    for sequence, t in enumerate(doc_times, start=1):
        contests = [_councils_contest([decl for decl in english if decl[0] <= t])]
        if t >= opening:
            contests.append(_legislature("scotland", "Scottish Parliament", 65, night.SCOTLAND,
                                         scotland, [], t))  # fmt: skip
            contests.append(
                _legislature("wales", "Welsh Assembly", 31, night.WALES, wales, welsh, t)
            )
        if t >= times[70]:  # London's count starts on Friday morning
            declared = london[: 2 * sum(lt <= t for lt in london_times)]
            contests.append(_mayor(split, declared, t >= london_final, t))
        updates = [u for u in ticker if u["published_at"] <= iso(t)][-30:]
        doc = {"format": "results-board/1.1", "sequence": sequence, "published_at": iso(t),
               "title": TITLE, "contests": contests, "updates": updates}  # fmt: skip
        line = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
        parse_feed(line)
        lines.append(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    """Write the recording, or with `--check` exit 1 if the committed one differs."""
    parser = argparse.ArgumentParser(prog="python -m sample_feeds.build_2016", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare with the file, do not write")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    parser.add_argument(
        "--pa-folder", type=Path, default=None, help="default: sample_feeds/pa-2016"
    )
    args = parser.parse_args(argv)
    from sample_feeds import pa_2016

    data = b"".join(line + b"\n" for line in build())
    folder = args.pa_folder or pa_2016.FOLDER
    files = pa_2016.build()
    if not args.check:
        args.output.write_bytes(data)
        for name, body in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(body)
    elif not args.output.exists() or args.output.read_bytes() != data:
        print(f"{args.output} differs: run python -m sample_feeds.build_2016", file=sys.stderr)
        return 1
    else:
        on_disk = {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }
        if on_disk != files:
            print(f"{folder} differs: run python -m sample_feeds.build_2016", file=sys.stderr)
            return 1
    print(f"{args.output}: {data.count(10)} documents, {len(data):,} bytes")
    print(f"{folder}: {sum(n.endswith('.xml') for n in files)} PA files (synthetic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
