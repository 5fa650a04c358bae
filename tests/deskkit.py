"""Provides the documents the desk's tests share: a night of two contests with per-area results.

Built on `sample_feeds.factory` (the one document factory): the seed's English
councils (Birmingham and Dudley declared, with Dudley's new council), and an
invented assembly of five constituencies whose declarations carry candidates.
Names and figures of the assembly are invented.
"""

from __future__ import annotations

import copy
from typing import Any

from sample_feeds.factory import councils, declaration, document

__all__ = ["ASSEMBLY_AREAS", "assembly", "night", "seat", "with_declaration"]

Doc = dict[str, Any]

ASSEMBLY_AREAS = ("Aberfall", "Brynmôr", "Caer Wen", "Dolgarth", "Ynys Fach")
"""The invented assembly's five constituencies (one with an accent)."""


def seat(area: str, hhmm: str, winner: str, previous: str, **extra: Any) -> Doc:
    """A constituency declared at `hhmm` with three candidates, the winner's party first."""
    others = [code for code in ("LAB", "CON", "PC") if code != winner][:2]
    candidates = [
        {"name": f"{area} {winner} candidate", "party": winner, "votes": 9000, "elected": True},
        {"name": f"{area} {others[0]} candidate", "party": others[0], "votes": 7000},
        {"name": f"{area} {others[1]} candidate", "party": others[1], "votes": 4000},
    ]
    result = {"candidates": candidates, "majority": 2000, "turnout": 45.5, "electorate": 44000}
    return declaration(area, hhmm, winner, previous, result=result, **extra)


def assembly(*declared: Doc, **overrides: Any) -> Doc:
    """An invented five-seat assembly (3 for a majority) with these declarations."""
    seats: dict[str, int] = {}
    for done in declared:
        seats[done["control"]] = seats.get(done["control"], 0) + 1
    parties = [
        {"code": code, "name": name, "seats": seats.get(code, 0)}
        for code, name in (("LAB", "Labour"), ("CON", "Conservative"), ("PC", "Plaid Cymru"))
    ]
    contest: Doc = {
        "kind": "legislature",
        "id": "assembly",
        "title": "Invented Assembly",
        "total": 5,
        "reported": len(declared),
        "majority": 3,
        "parties": parties,
        "declarations": list(declared),
        "areas": list(ASSEMBLY_AREAS),
    }
    return contest | overrides


def night(*declared: Doc, sequence: int = 1) -> Doc:
    """The seed's councils (selected first) and the assembly with these declarations."""
    england = councils(areas=["Birmingham", "Dudley", "Walsall", "Stoke-on-Trent", "St Albans"])
    dudley = england["declarations"][1]
    dudley["result"] = {
        "composition": [
            {"code": "CON", "seats": 36, "seats_change": 4},
            {"code": "LAB", "seats": 33, "seats_change": -3},
            {"code": "UKIP", "seats": 3, "seats_change": 1},
        ],
        "seats": 72,
        "seats_up": 24,
        "proportion": "thirds",
    }
    return document(england, assembly(*declared), sequence=sequence)


def with_declaration(doc: Doc, contest: int, added: Doc) -> Doc:
    """A copy of `doc` with `added` declared in contest `contest` (its counts kept whole) and the
    sequence + 1."""
    new = copy.deepcopy(doc)
    new["sequence"] += 1
    target = new["contests"][contest]
    target["declarations"] = [d for d in target["declarations"] if d["area"] != added["area"]]
    target["declarations"].append(added)
    if target["kind"] == "legislature":
        new["contests"][contest] = assembly(*target["declarations"])
    else:  # a council more, held by its winner: the table still adds up
        target["reported"] = min(target["total"], target["reported"] + 1)
        row = next((p for p in target["parties"] if p["code"] == added["control"]), None)
        (row or target["no_overall_control"])["councils"] += 1
    return new
