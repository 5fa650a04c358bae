"""The wall's column titles stand over their figures, with or without the net-gains bars.

Pilot tests reading the laid-out regions back: each title's right edge is its figures' right
edge (titles and figures are right-aligned in one column plan), with and without the net-gains
bars, every kind, several sizes.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Digits, Static

from board.app import ResultsBoard
from sample_feeds.factory import councils, document, legislature, mayor
from tests.boardkit import board_showing
from widgets._wall_row import WallHeader, WallRow, digits_width

SIZES = [(80, 24), (120, 40), (160, 50), (200, 60)]


def unchanged(contest: dict[str, Any]) -> dict[str, Any]:
    """`contest` at the start of a night: every change 0, so no gains bars."""
    parties = [
        party | {key: 0 for key in ("councils_change", "seats_change") if key in party}
        for party in contest["parties"]
    ]
    return contest | {"parties": parties}


CONTESTS = {
    "councils": councils(),
    "councils-unchanged": unchanged(councils()),
    "legislature": legislature(),
    "legislature-unchanged": unchanged(legislature()),
    "mayor": mayor(),
}


def column_edges(app: ResultsBoard) -> tuple[list[int], list[list[int]]]:
    """The right edge of each column title, and of each shown row's figure cells."""
    header = app.query_one(WallHeader)
    titles = [label.region.right for label in header.query(".wall-cell").results(Static)]
    rows = [
        [box.region.right for box in row.query(".wall-cell")]
        for row in app.query(WallRow)
        if row.region.area
    ]
    return titles, rows


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", list(CONTESTS))
async def test_each_column_title_stands_over_its_figures(kind: str, size: tuple[int, int]) -> None:
    async with board_showing(document(CONTESTS[kind]), size=size, wall=True) as (app, *_, pilot):
        await pilot.pause()
        titles, rows = column_edges(app)
        assert rows and titles
        for row in rows:
            assert row == titles, f"{kind} at {size}: titles end at {titles}, figures at {row}"
        header = app.query_one(WallHeader)
        for label, title in zip(
            header.query(".wall-cell").results(Static), header.headers, strict=True
        ):
            assert label.region.width >= len(title), f"{title!r} cut at {size}"
        for wall_row in app.query(WallRow):
            for digits in wall_row.query(Digits):
                assert digits.region.width >= digits_width(digits.value)
