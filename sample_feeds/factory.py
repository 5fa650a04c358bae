"""Provides the feed documents tests and benchmarks build, from the 2016 figures in `data_2016`.

Every `results-board/1` document a test or a benchmark writes by hand comes
from here, as a dict (to change) and, through `encode`, as bytes (to serve).
Keyword overrides replace the top-level fields of what a builder returns.

| builder | gives |
| --- | --- |
| `SEED`, `SEED_NOC` | the live-blog's English table at 96 of 124 (`data_2016.ENGLAND`); NOC |
| `councils()` | that moment as a councils contest: 96 of 124, Birmingham and Dudley declared |
| `legislature()` | the Welsh Assembly's final result (`data_2016.WALES`): 60 of 60 seats |
| `mayor()` | the London mayor's final round (`data_2016.LONDON`, `FINAL_ROUND`) |
| `document(*contests)` | a whole document: the contests (seed councils by default), one quote |
| `projection()` | a desk's projected national share (invented), a contest's `projection` |
| `party`, `seed_parties`, `declaration`, `update` | one row of a contest or of the ticker |
| `with_party(doc, code, …)` | a copy with one party's figures changed and the sequence bumped |
| `small_councils()`, `small_document()` | invented figures that add up (no warnings): 3 of 10 |
| `small_document(declarations=N, updates=M)` | the same grown to any size, for benchmarks |
| `encode(doc)` | the bytes a feed sends: compact UTF-8 JSON, as `record` and `serve-feed` write |

The seed's own seat changes add up to +3, not 0 (the live-blog's table as
published), so `document()` parses with that one warning; `small_document()`
parses with none. The module lives in `sample_feeds`, beside the data it is
built from, because `bench/` must not import `tests/` and both need it.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sample_feeds import data_2016

__all__ = [
    "SEED",
    "SEED_NOC",
    "SEED_TOTAL",
    "TITLE",
    "councils",
    "declaration",
    "document",
    "encode",
    "legislature",
    "mayor",
    "party",
    "projection",
    "seed_parties",
    "small_councils",
    "small_document",
    "update",
    "with_party",
]

Doc = dict[str, Any]

SEED = data_2016.ENGLAND
"""(code, name, colour, councils, ±, seats, ±) of the nine parties at 96 of 124, in that order."""
SEED_TOTAL = 124
"""English councils electing in 2016: the live-blog's "96 of 124"."""
TITLE = "Election 2016 results live"


def _seed_noc() -> tuple[int, int]:
    held = [(control, previous) for control, previous, _ in data_2016.councils().values()]
    now = sum(control == "NOC" for control, _ in held)
    return now, now - sum(previous == "NOC" for _, previous in held)


SEED_NOC = _seed_noc()
"""No overall control at 96 of 124 as (councils, ±): (19, +1), counted from `data_2016.COUNCILS`."""


def party(code: str, name: str, councils: int = 0, seats: int = 0, **extra: Any) -> Doc:
    """One party row of a councils contest; `extra` adds changes, colour or unknown fields."""
    return {"code": code, "name": name, "councils": councils, "seats": seats, **extra}


def seed_parties(*, colours: bool = True) -> list[Doc]:
    """The seed table as party rows, in the live-blog's order (with or without colours)."""
    return [
        party(code, name, councils, seats, councils_change=c_change, seats_change=s_change)
        | ({"colour": colour} if colours else {})
        for code, name, colour, councils, c_change, seats, s_change in SEED
    ]


def declaration(area: str, hhmm: str, control: str, previous: str, **extra: Any) -> Doc:
    """A council declared at `hhmm` on 6 May 2016 (British Summer Time)."""
    return {
        "area": area,
        "declared_at": f"2016-05-06T{hhmm}:00+01:00",
        "control": control,
        "previous_control": previous,
        **extra,
    }


def update(key: str, hhmm: str, text: str, *, speaker: str | None = None, **extra: Any) -> Doc:
    """A ticker item at `hhmm` on 6 May 2016: a quote when it has a `speaker`, else an update."""
    kind = {"kind": "quote", "speaker": speaker} if speaker else {"kind": "update"}
    return {"id": key, "published_at": f"2016-05-06T{hhmm}:00+01:00", "text": text, **kind, **extra}


def councils(**overrides: Any) -> Doc:
    """The English councils at the live-blog's moment (10:30 on 6 May): 96 of 124 declared."""
    noc, noc_change = SEED_NOC
    contest: Doc = {
        "kind": "councils",
        "id": "england",
        "title": "English councils",
        "total": SEED_TOTAL,
        "reported": 96,
        "parties": seed_parties(),
        "no_overall_control": {"councils": noc, "councils_change": noc_change},
        "declarations": [
            declaration("Birmingham", "00:10", "LAB", "LAB"),
            declaration("Dudley", "03:12", "NOC", "LAB"),
        ],
    }
    return contest | overrides


def legislature(**overrides: Any) -> Doc:
    """The Welsh Assembly's final result: 60 of 60 seats, votes and shares, 31 for a majority."""
    parties = [
        {"code": code, "name": name, "colour": colour, "seats": seats, "seats_change": change}
        | {"votes": votes, "share": share}
        for code, name, colour, seats, change, votes, share in data_2016.WALES
    ]
    contest: Doc = {
        "kind": "legislature",
        "id": "wales",
        "title": "Welsh Assembly",
        "total": 60,
        "reported": 60,
        "majority": 31,
        "parties": parties,
    }
    return contest | overrides


def mayor(**overrides: Any) -> Doc:
    """London's mayor after the final round: Khan elected, Goldsmith second, ten eliminated."""
    candidates = []
    for name, code, colour, votes, _ in data_2016.LONDON:
        row: Doc = {"name": name, "party": code, "colour": colour, "votes": votes}
        if name in data_2016.FINAL_ROUND:
            row["votes"], row["share"] = data_2016.FINAL_ROUND[name]
            row |= {"elected": True} if name == "Sadiq Khan" else {}
        else:
            row["eliminated"] = True
        candidates.append(row)
    areas = len(data_2016.LONDON_AREAS)
    contest: Doc = {
        "kind": "mayor",
        "id": "london",
        "title": "London mayor",
        "round": 2,
        "total": areas,
        "reported": areas,
        "turnout": 45.3,
        "candidates": candidates,
    }
    return contest | overrides


def document(*contests: Doc, sequence: int = 1, **overrides: Any) -> Doc:
    """A whole document at 10:30 on 6 May: `contests` (the seed's councils if none), one quote."""
    doc: Doc = {
        "format": "results-board/1",
        "sequence": sequence,
        "published_at": "2016-05-06T10:30:00+01:00",
        "title": TITLE,
        "contests": list(contests) or [councils()],
        "updates": [update("u-corbyn", "10:00", "hung on", speaker="Jeremy Corbyn")],
    }
    return doc | overrides


def projection(**overrides: Any) -> Doc:
    """A projected national share (invented figures): LAB 31, CON 30, LD 15, UKIP 12, with
    changes in points, labelled as an example desk's."""
    shares = (("LAB", 31, 0), ("CON", 30, -5), ("LD", 15, 2), ("UKIP", 12, -10))
    found: Doc = {
        "source": "Example desk's projected national share",
        "parties": [
            {"code": code, "share": share, "share_change": change} for code, share, change in shares
        ],
    }
    return found | overrides


def with_party(doc: Doc, code: str, **values: Any) -> Doc:
    """A copy of `doc` with party `code` of its first contest changed and the sequence + 1."""
    new = copy.deepcopy(doc)
    new["sequence"] += 1
    for row in new["contests"][0]["parties"]:
        if row["code"] == code:
            row.update(values)
    return new


def small_councils(**overrides: Any) -> Doc:
    """A councils contest of invented figures that add up: 3 of 10 declared, 4 parties."""
    contest: Doc = {
        "kind": "councils",
        "id": "england",
        "title": "English councils",
        "total": 10,
        "reported": 3,
        "parties": [
            party("LAB", "Labour", 2, 40, councils_change=-1, seats_change=-3, colour="#dc241f"),
            party("CON", "Conservative", 0, 30, seats_change=2),
            party("LD", "Liberal Democrat", 0, 10, seats_change=1),
            party("UKIP", "Ukip", 0, 5),
        ],
        "no_overall_control": {"councils": 1, "councils_change": 1},
        "declarations": [
            declaration("Birmingham", "02:10", "LAB", "LAB"),
            declaration("Dudley", "03:40", "NOC", "LAB", note="last seat lost by three votes"),
        ],
    }
    return contest | overrides


_GROWN_FROM = datetime(2016, 5, 6, 1, 0, tzinfo=UTC)


def _grown(contest: Doc, count: int) -> Doc:
    """`contest` with `count` more synthetic declarations, its councils still adding up."""
    grown = copy.deepcopy(contest)
    grown["reported"] += count
    grown["total"] += count
    lab, con = grown["parties"][0], grown["parties"][1]
    lab["councils"] += count // 2
    con["councils"] += count - count // 2
    grown["declarations"] += [
        {
            "area": f"Council {index:06d}",
            "declared_at": (_GROWN_FROM + timedelta(minutes=index % 600)).isoformat(),
            "control": ("LAB", "CON")[index % 2],
            "previous_control": ("LAB", "CON")[index % 2],
            "note": f"Synthetic declaration number {index} for testing.",
        }
        for index in range(count)
    ]
    return grown


def small_document(
    sequence: int = 7, *, declarations: int = 0, updates: int = 0, **overrides: Any
) -> Doc:
    """A document that parses with no warnings: `small_councils()` and two ticker items.

    `declarations` and `updates` add that many synthetic council lines and
    ticker items (about 200 bytes each), for documents of any size.
    """
    items = [
        update("u1", "09:00", "We hung on.", speaker="Jeremy Corbyn", role="Labour leader"),
        update("u2", "09:30", "Ukip has had its most successful night."),
    ]
    items += [
        {
            "id": f"s{index}",
            "published_at": (_GROWN_FROM + timedelta(minutes=index % 600)).isoformat(),
            "kind": "quote" if index % 2 else "update",
            "text": f"Synthetic ticker line {index}: a sentence of ordinary length for the ticker.",
            **({"speaker": "A Speaker", "role": "MP", "outlet": "BBC"} if index % 2 else {}),
        }
        for index in range(updates)
    ]
    doc: Doc = {
        "format": "results-board/1",
        "sequence": sequence,
        "published_at": "2016-05-06T10:00:00+01:00",
        "title": TITLE,
        "contests": [_grown(small_councils(), declarations)],
        "updates": items,
    }
    return doc | overrides


def encode(doc: Any) -> bytes:
    """`doc` as a feed sends it: compact UTF-8 JSON (a lone surrogate is `\\u`-escaped)."""
    try:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(doc, separators=(",", ":")).encode()
