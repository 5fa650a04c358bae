"""Provides invented PA messages for the tests (written from PA's spec; no PA data) and a mirror.

Councils, constituencies, candidates and figures here are made up ("Aldwick",
"Brackenford"…); the message shapes follow election.pressassociation.com.
`land` writes a file as a desk's FTP mirror does: under a hidden name, then
renamed, then `.timestamp` rewritten.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from sample_feeds import pa_write as pa
from sample_feeds.pa_write import Cand, Sop

GE = "Invented General Election"
LIST = "Invented Assembly"


def local_sop(reported: int = 2, total: int = 5, revision: int = 1, region: str = "All") -> bytes:
    return pa.local_sop(
        [
            Sop("Lab Co-op", "Labour and Co-operative", 1, 0, 30, 2),
            Sop("C", "Conservative", 0, -1, 20, -3),
            Sop("Green", "Green Party", 0, 0, 4, 1),
            Sop("NOC", "No Overall Control", 1, 1),
        ],
        reported=reported,
        total=total,
        region=region,
        councils=["Aldwick", "Brackenford"][:reported],
        revision=revision,
    )


def aldwick(revision: int = 1, lab: int = 30) -> bytes:
    return pa.local_result(
        "Aldwick", winning="Lab Co-op", sitting="Lab Co-op",
        new_council={"Lab Co-op": lab, "C": 12}, changes={"Lab Co-op": 2, "C": -2},
        elected={"Lab Co-op": 10, "C": 4}, proportion="third", revision=revision,
    )  # fmt: skip


def brackenford(revision: int = 1) -> bytes:
    return pa.local_result(
        "Brackenford", winning="NOC", sitting="C", new_council={"C": 20, "Green": 4, "LD": 21},
        changes={"C": -3, "Green": 1, "LD": 3, "UKIP": -1}, proportion="all", revision=revision,
    )  # fmt: skip


PEOPLE = [
    Cand("Ada", "Fenwick", "Lab", "Labour", 21000, 48.5, True),
    Cand("Bill", "Harrow", "C", "Conservative", 15000, 34.6),
    Cand("Cy", "Moss", "Ind", "Independent", 4000, 9.2),
    Cand("Di", "Moss", "Ind", "Independent", 3300, 7.7),
]


def seat_result(area: str = "Northfold", revision: int = 1, kind: str = "G") -> bytes:
    election = GE if kind == "G" else "Invented Mayoral Elections"
    return pa.fptp_result(election, area, PEOPLE, winning="Lab", sitting="C", kind=kind,
                          electorate=70000, turnout=61.9, declared="2030-05-03T02:10:00+01:00",
                          revision=revision)  # fmt: skip


def seat_rush(area: str = "Northfold", revision: int = 1, kind: str = "G") -> bytes:
    election = GE if kind == "G" else "Invented Mayoral Elections"
    return pa.fptp_rush(election, area, PEOPLE, winning="Lab", sitting="C", kind=kind,
                        revision=revision)  # fmt: skip


def ge_sop(revision: int = 1, reported: int = 3) -> bytes:
    return pa.fptp_sop(
        GE,
        [
            Sop(
                "Lab",
                "Labour",
                seats=2,
                gains=2,
                votes=60000,
                share=48.0,
                share_change=7.99,
                forecast=330,
            ),
            Sop(
                "C",
                "Conservative",
                seats=1,
                losses=2,
                votes=50000,
                share=40.0,
                share_change=-3.87,
                forecast=250,
            ),
            Sop("Lab Co-op", "Labour and Co-operative", votes=1500, share=1.2),
        ],
        reported=reported,
        total=9,
        forecast="Lab",
        note="An invented note about the count",
        revision=revision,
    )


MEMBERS = [
    Cand("Eve", "Lister", "Green", "Green", rank=1, elected=True),
    Cand("Fay", "Lister", "C", "Conservative", rank=1, elected=True),
    Cand("Gus", "Lister", "C", "Conservative", rank=2, elected=True),
]


def list_result(revision: int = 1) -> bytes:
    votes = {"Green": ("Green", 9000), "C": ("Conservative", 21000), "Lab": ("Labour", 20000)}
    return pa.top_up_result(LIST, "Westmarch", MEMBERS, votes, kind="S", revision=revision,
                            declared="2030-05-04T15:00:00+01:00")  # fmt: skip


def list_rush(revision: int = 1) -> bytes:
    return pa.top_up_rush(LIST, "Westmarch", MEMBERS, kind="S", revision=revision)


COUNCILS = ("Aldwick", "Brackenford", "Coldmere")
"""The invented councils electing; Coldmere never declares in these fixtures."""
STANDING = {"Lab Co-op": ("Labour and Co-operative", 12), "C": ("Conservative", 14),
            "Green": ("Green Party", 5)}  # fmt: skip


def council_nominations(council: str, revision: int = 0) -> bytes:
    return pa.local_nominations(council, STANDING, revision=revision)


SEATS = ("Northfold", "Eastmere", "Southby")
"""The invented constituencies electing in `GE`; Eastmere and Southby never declare here."""


def seat_nominations(area: str = "Northfold", kind: str = "G", revision: int = 1) -> bytes:
    election = GE if kind == "G" else "Invented Mayoral Elections"
    return pa.nominations(election, area, PEOPLE, kind=kind, revision=revision)


def list_nominations(area: str = "Westmarch") -> bytes:
    return pa.nominations(LIST, area, MEMBERS, kind="S", top_up=True)


BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>\n<LocalStateOfParties>&lol9;</LocalStateOfParties>"
)
"""A billion-laughs entity bomb wearing a PA root element."""
EXTERNAL = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    b'<LocalStateOfParties region="&secret;"/>'
)
"""An external-entity reference (it would read a local file if expanded)."""
CUT_OFF = aldwick(revision=3)[:150]
"""A result cut off mid-write."""
MALFORMED = b'<?xml version="1.0"?>\n<LocalElectionResult revision="2"><Election></Council>'
UNKNOWN = b'<ReferendumRunningTotals revision="1"><Election/></ReferendumRunningTotals>'


def land(folder: Path, name: str, body: bytes, *, stamp: bool = True) -> Path:
    """Write `body` as `folder/name` the way a mirror does: hidden part file, rename, stamp."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    part = folder / f".{name}.part"
    part.write_bytes(body)
    os.replace(part, target)
    if stamp:
        (folder / ".timestamp").write_text(f"{time.time():.5f}")
    return target
