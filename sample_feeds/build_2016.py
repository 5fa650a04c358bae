"""Provides the build of the bundled 2016 night: `python -m sample_feeds.build_2016 [--check]`.

The recording is generated, never edited by hand. One seeded `random.Random`
and no clock make it byte-for-byte reproducible; every line is validated with
`parse_feed` before it is written. The final figures are the sourced ones in
`data_2016`; the order and times of declarations, most council lines and every
intermediate tally are synthetic, shaped by the tables below and, for the English
councils, in `england_2016` (README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from feeds.parse import parse_feed
from sample_feeds import data_2016 as night
from sample_feeds.england_2016 import at, councils_contest, english_declarations, iso, spread

__all__ = ["OUTPUT", "SEED", "build", "main"]

Doc = dict[str, Any]
Seat = tuple[datetime, str, str]  # declared at, won by, held before
OUTPUT = Path(__file__).with_name("election-2016.jsonl")
"""The committed recording this script writes (or compares with `--check`)."""
SEED = 20160505
"""The seed of the one `random.Random` every synthetic choice comes from."""
TITLE = "Election 2016 results live"

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
    english = english_declarations(rng)
    times = [decl[0] for decl in english]

    def pick(start: datetime, end: datetime, count: int) -> list[datetime]:
        return sorted(rng.sample([t for t in times if start <= t <= end], count))

    scot_lists = spread(rng, at(6, 13, 5), at(6, 16, 40), 4)  # two regions at a time
    scotland = _chamber(rng, (SCOT_SEATS, SCOT_LISTS, 7, 5), pick(at(6, 0, 20), at(6, 5, 25), 18),
                        [t for t in scot_lists for _ in (1, 2)])  # fmt: skip
    wales = _chamber(rng, (WALES_SEATS, WALES_LISTS, 4, 2), pick(at(6, 0, 30), at(6, 4, 5), 10),
                     pick(at(6, 4, 10), at(6, 5, 28), 5))  # fmt: skip
    rhondda = next(t for t, w, h in wales if (w, h) == ("PC", "LAB"))
    welsh = [RHONDDA | {"declared_at": iso(rhondda)}]
    split = _london_votes(rng)
    london = list(range(len(night.LONDON_AREAS)))
    rng.shuffle(london)
    london_times, london_final = spread(rng, at(6, 14, 10), at(6, 23, 12), 7), at(7, 0, 21)
    start, opening = at(5, 22, 0), at(5, 22, 45)
    doc_times = sorted({start, opening, *times, *scot_lists, *london_times, london_final})
    ticker = _ticker({decl[1]: decl[0] for decl in english}, doc_times, times[91])
    lines = []
    for sequence, t in enumerate(doc_times, start=1):
        contests = [councils_contest([decl for decl in english if decl[0] <= t])]
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
