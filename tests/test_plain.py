"""Tests `board.plain.render_snapshot`, the plain-text snapshot for logs and chat."""

from __future__ import annotations

import json
from typing import Any

import pytest

from board.plain import render_snapshot, signed
from feeds.parse import parse_feed

SEED = [
    # code, name, councils, councils +/-, seats, seats +/-  (the live-blog's table, 96 of 124)
    ("LAB", "Labour", 49, -1, 1005, -28),
    ("CON", "Conservative", 26, 0, 547, 5),
    ("LD", "Liberal Democrat", 2, 0, 214, 22),
    ("IND", "Independent", 0, 0, 53, -8),
    ("UKIP", "Ukip", 0, 0, 29, 23),
    ("GRN", "Green Party", 0, 0, 17, -4),
    ("RES", "Residents", 0, 0, 4, 0),
    ("LIB", "Liberal", 0, 0, 3, -2),
    ("RESP", "Respect", 0, 0, 0, -5),
]


def councils(reported: int = 96, total: int = 124, **extra: Any) -> dict[str, Any]:
    """A councils contest with the seed's table, in a scrambled order."""
    parties = [
        {
            "code": code,
            "name": name,
            "councils": c,
            "councils_change": cc,
            "seats": s,
            "seats_change": sc,
        }
        for code, name, c, cc, s, sc in reversed(SEED)
    ]
    contest = {
        "kind": "councils",
        "id": "english-councils",
        "title": "English councils",
        "total": total,
        "reported": reported,
        "parties": parties,
        "no_overall_control": {"councils": 19, "councils_change": 1},
        "declarations": [
            declaration("Birmingham", "02:00", "LAB", "LAB"),
            declaration("Dudley", "10:30", "NOC", "LAB"),
            declaration("Worcester", "04:15", "NOC", "CON"),
            declaration("Rugby", "03:40", "NOC", "CON"),
            declaration("Walsall", "05:05", "NOC", "NOC"),
            declaration("Swindon", "01:50", "CON", "LAB"),
        ],
    }
    contest.update(extra)
    return contest


def declaration(area: str, hhmm: str, control: str, previous: str) -> dict[str, Any]:
    """A declaration on the morning of 6 May 2016."""
    return {
        "area": area,
        "declared_at": f"2016-05-06T{hhmm}:00+01:00",
        "control": control,
        "previous_control": previous,
    }


def document(*contests: dict[str, Any], sequence: int = 1, **extra: Any) -> dict[str, Any]:
    """A whole valid `results-board/1` document (the seed's councils contest by default)."""
    doc = {
        "format": "results-board/1",
        "sequence": sequence,
        "published_at": "2016-05-06T10:30:00+01:00",
        "title": "Election 2016 results live",
        "contests": list(contests) or [councils()],
        "updates": [],
    }
    doc.update(extra)
    return doc


def encode(doc: dict[str, Any]) -> bytes:
    """The document as a feed sends it."""
    return json.dumps(doc).encode()


def render(doc: dict[str, Any], **options: Any) -> str:
    return render_snapshot(parse_feed(encode(doc)), **options)


def test_signed() -> None:
    assert [signed(5), signed(-28), signed(0)] == ["+5", "-28", "0"]


def test_councils_table_matches_the_seed_order_with_noc_last() -> None:
    text = render(document())
    lines = text.splitlines()
    assert lines[0] == "Election 2016 results live"
    assert "96 of 124 councils reported (77%)" in lines
    header = next(i for i, line in enumerate(lines) if line.startswith("Party"))
    assert lines[header].split() == ["Party", "Councils", "+/-", "Seats", "+/-"]
    rows = lines[header + 1 : header + 1 + len(SEED) + 1]
    names = [name for _, name, *_ in SEED] + ["No Overall Control"]
    for row, name in zip(rows, names, strict=True):
        assert row.startswith(name)
    assert rows[0].split()[-4:] == ["49", "-1", "1005", "-28"]
    assert rows[1].split()[-4:] == ["26", "0", "547", "+5"]
    assert rows[-1].split()[-4:] == ["19", "+1", "—", "—"]


def test_figures_are_right_aligned() -> None:
    lines = render(document()).splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Party"))
    table = lines[header : header + len(SEED) + 2]
    assert len({len(line) for line in table}) == 1, table


def test_declarations_newest_first_with_wording_and_limit() -> None:
    lines = render(document(), declarations=3).splitlines()
    start = lines.index("Latest declarations")
    assert lines[start + 1 :] == [
        "10:30  Dudley · LAB lose to NOC",
        "05:05  Walsall · NOC, no change",
        "04:15  Worcester · CON lose to NOC",
    ]


def test_no_declarations_section_when_none() -> None:
    assert "Latest declarations" not in render(document(councils(declarations=[])))
    assert "Latest declarations" not in render(document(), declarations=0)


def test_gain_wording() -> None:
    text = render(document(), declarations=10)
    assert "01:50  Swindon · CON gain from LAB" in text
    assert "02:00  Birmingham · LAB hold" in text


def test_legislature_mayor_and_unsupported_contests() -> None:
    legislature = {
        "kind": "legislature",
        "id": "welsh-assembly",
        "title": "Welsh Assembly",
        "total": 60,
        "reported": 60,
        "majority": 31,
        "parties": [
            {"code": "PC", "name": "Plaid Cymru", "seats": 12, "seats_change": 1, "share": 20.5},
            {"code": "LAB", "name": "Labour", "seats": 29, "seats_change": -1, "share": 34.7},
            {"code": "UKIP", "name": "Ukip", "seats": 7, "seats_change": 7, "share_change": 12.5},
        ],
    }
    mayor = {
        "kind": "mayor",
        "id": "london-mayor",
        "title": "Mayor of London",
        "round": 2,
        "total": 14,
        "reported": 14,
        "turnout": 45.3,
        "candidates": [
            {"name": "Zac Goldsmith", "party": "CON", "votes": 994614, "share": 43.2},
            {
                "name": "Sadiq Khan",
                "party": "LAB",
                "votes": 1310143,
                "share": 56.8,
                "elected": True,
            },
            {"name": "Sian Berry", "party": "GRN", "votes": 150673, "eliminated": True},
        ],
    }
    future = {"kind": "referendum", "id": "eu", "title": "EU referendum"}
    lines = render(document(councils(), legislature, mayor, future)).splitlines()
    assert "60 of 60 seats reported (100%) · majority 31" in lines
    welsh = lines.index("Welsh Assembly")
    assert lines[welsh + 3].split() == ["Party", "Seats", "+/-", "Share", "+/-"]
    assert lines[welsh + 4].split() == ["Labour", "29", "-1", "34.7%"]
    assert lines[welsh + 5].split() == ["Plaid", "Cymru", "12", "+1", "20.5%"]
    assert lines[welsh + 6].split() == ["Ukip", "7", "+7", "+12.5"]
    assert "Round 2 · 14 of 14 areas reported (100%) · turnout 45.3%" in lines
    khan = next(line for line in lines if line.startswith("Sadiq Khan"))
    assert khan.split()[-4:] == ["LAB", "1,310,143", "56.8%", "elected"]
    assert next(line for line in lines if line.startswith("Sian Berry")).endswith("eliminated")
    assert lines[lines.index("EU referendum") + 1].endswith("not supported by this version")


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_lines_fit_the_width(width: int) -> None:
    long_name = "The Official Monster Raving Loony Party of Great Britain and the Isles"
    contest = councils()
    contest["parties"][0]["name"] = long_name
    doc = document(contest, title="A very long title for the night " * 3)
    lines = render(doc, width=width).splitlines()
    assert max(len(line) for line in lines if not line.startswith("Published")) <= width
    row = next(line for line in lines if line.startswith(long_name[:8]))
    assert row.split()[-4:] == ["0", "0", "0", "-5"]  # Respect's figures, whatever the width
    assert ("…" in row) == (len(long_name) + 32 > width)


def test_feed_text_reaches_the_output_without_control_characters() -> None:
    contest = councils()
    contest["parties"][0]["name"] = "Evil\x1b]0;pwned\x07 \x1b[31mParty\u202e\x9b"
    contest["declarations"][0]["area"] = "Dud\x00ley\r\n[bold]"
    text = render(document(contest, title="\x1b[2JTitle"), declarations=10)
    assert all(ch.isprintable() or ch == "\n" for ch in text)
    assert "[bold]" in text  # markup is not interpreted, just shown
    assert "Title" in text.splitlines()[0]
