"""Tests `board.plain.render_snapshot`, the plain-text snapshot for logs and chat."""

from __future__ import annotations

from typing import Any

import pytest

from board.plain import render_snapshot, signed
from feeds.parse import parse_feed
from sample_feeds.factory import (
    SEED,
    councils,
    declaration,
    document,
    encode,
    legislature,
    mayor,
    seed_parties,
)


def declared() -> list[dict[str, Any]]:
    """Six declarations, out of order: hold, gain, lose to NOC and no change."""
    return [
        declaration("Birmingham", "02:00", "LAB", "LAB"),
        declaration("Dudley", "10:30", "NOC", "LAB"),
        declaration("Worcester", "04:15", "NOC", "CON"),
        declaration("Rugby", "03:40", "NOC", "CON"),
        declaration("Walsall", "05:05", "NOC", "NOC"),
        declaration("Swindon", "01:50", "CON", "LAB"),
    ]


def scrambled(**extra: Any) -> dict[str, Any]:
    """The seed's councils contest with its parties in reverse order and `declared()`."""
    return councils(**{"parties": seed_parties()[::-1], "declarations": declared(), **extra})


def night(*contests: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A whole document: `contests`, or the scrambled seed."""
    return document(*contests or [scrambled()], **extra)


def render(doc: dict[str, Any], **options: Any) -> str:
    return render_snapshot(parse_feed(encode(doc)), **options)


def test_signed() -> None:
    assert [signed(5), signed(-28), signed(0)] == ["+5", "-28", "0"]


def test_councils_table_matches_the_seed_order_with_noc_last() -> None:
    text = render(night())
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
    lines = render(night()).splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Party"))
    table = lines[header : header + len(SEED) + 2]
    assert len({len(line) for line in table}) == 1, table


def test_declarations_newest_first_with_wording_and_limit() -> None:
    lines = render(night(), declarations=3).splitlines()
    start = lines.index("Latest declarations")
    end = lines.index("", start)  # the key moments follow, after a blank line
    assert lines[start + 1 : end] == [
        "10:30  Dudley · LAB lose to NOC",
        "05:05  Walsall · NOC, no change",
        "04:15  Worcester · CON lose to NOC",
    ]


def test_no_declarations_section_when_none() -> None:
    assert "Latest declarations" not in render(night(scrambled(declarations=[])))
    assert "Latest declarations" not in render(night(), declarations=0)


def test_gain_wording() -> None:
    text = render(night(), declarations=10)
    assert "01:50  Swindon · CON gain from LAB" in text
    assert "02:00  Birmingham · LAB hold" in text


def test_legislature_mayor_and_unsupported_contests() -> None:
    welsh = legislature(  # out of order; Ukip has a share change but no share
        parties=[
            {"code": "PC", "name": "Plaid Cymru", "seats": 12, "seats_change": 1, "share": 20.5},
            {"code": "LAB", "name": "Labour", "seats": 29, "seats_change": -1, "share": 34.7},
            {"code": "UKIP", "name": "Ukip", "seats": 7, "seats_change": 7, "share_change": 12.5},
        ],
    )
    future = {"kind": "referendum", "id": "eu", "title": "EU referendum"}
    lines = render(night(scrambled(), welsh, mayor(), future)).splitlines()
    assert "60 of 60 seats reported (100%) · majority 31" in lines
    at = lines.index("Welsh Assembly")
    assert lines[at + 3].split() == ["Party", "Seats", "+/-", "Share", "+/-"]
    assert lines[at + 4].split() == ["Labour", "29", "-1", "34.7%"]
    assert lines[at + 5].split() == ["Plaid", "Cymru", "12", "+1", "20.5%"]
    assert lines[at + 6].split() == ["Ukip", "7", "+7", "+12.5"]
    assert "Round 2 · 14 of 14 areas reported (100%) · turnout 45.3%" in lines
    khan = next(line for line in lines if line.startswith("Sadiq Khan"))
    assert khan.split()[-4:] == ["LAB", "1,310,143", "56.8%", "elected"]
    assert next(line for line in lines if line.startswith("Sian Berry")).endswith("eliminated")
    assert lines[lines.index("EU referendum") + 1].endswith("not supported by this version")


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_lines_fit_the_width(width: int) -> None:
    long_name = "The Official Monster Raving Loony Party of Great Britain and the Isles"
    contest = scrambled()
    contest["parties"][0]["name"] = long_name
    doc = night(contest, title="A very long title for the night " * 3)
    lines = render(doc, width=width).splitlines()
    assert max(len(line) for line in lines if not line.startswith("Published")) <= width
    row = next(line for line in lines if line.startswith(long_name[:8]))
    assert row.split()[-4:] == ["0", "0", "0", "-5"]  # Respect's figures, whatever the width
    assert ("…" in row) == (len(long_name) + 32 > width)


def test_feed_text_reaches_the_output_without_control_characters() -> None:
    contest = scrambled()
    contest["parties"][0]["name"] = "Evil\x1b]0;pwned\x07 \x1b[31mParty\u202e\x9b"
    contest["declarations"][0]["area"] = "Dud\x00ley\r\n[bold]"
    text = render(night(contest, title="\x1b[2JTitle"), declarations=10)
    assert all(ch.isprintable() or ch == "\n" for ch in text)
    assert "[bold]" in text  # markup is not interpreted, just shown
    assert "Title" in text.splitlines()[0]


def test_a_time_the_ingest_received_is_printed_as_received() -> None:
    """Newcomer report #6: `snapshot` printed "Published …" for PA's receipt time."""
    from feeds.models import Feed
    from sample_feeds.factory import document

    published = Feed.model_validate(document())
    received = Feed.model_validate(document(format="results-board/1.1", time_basis="received"))
    assert render_snapshot(published).splitlines()[1] == "Published 2016-05-06 10:30:00 +0100"
    assert (
        render_snapshot(received)
        .splitlines()[1]
        .startswith("Received 2016-05-06 10:30:00 +0100 (the feed gives no time")
    )
