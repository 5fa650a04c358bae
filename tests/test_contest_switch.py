"""Pilot tests: switching between contests shows each contest's own figures in its own columns.

Rows are keyed by party code (or candidate name), and the same codes run in
several contests ("LAB" of the English councils and of the Welsh Assembly).
A switch must make the rows of the other contest afresh, not update the old
ones in place (newcomer report #1: the Welsh wall kept the English rows'
four columns, "Share %" showing the English seat change). Every row on the
wall, in the party tables and in the candidate table is read back after each
switch, both ways, at several sizes.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Digits

from board.app import ResultsBoard
from board.present import candidate_lines, party_lines
from board.wall_present import wall_view
from feeds.contests import CouncilsContest, LegislatureContest, MayorContest
from sample_feeds import data_2016
from sample_feeds.factory import councils, document, legislature, mayor
from tests.boardkit import board_showing
from tests.waiting import async_wait_for
from widgets._wall_row import WallHeader, WallRow
from widgets.candidates import CandidateTable
from widgets.party_table import PartyTable
from widgets.wall import Wall


def scotland() -> dict[str, Any]:
    """The Scottish Parliament: its codes shared with the English councils, no shares given."""
    parties = [
        {"code": code, "name": name, "colour": colour, "seats": seats, "seats_change": change}
        for code, name, colour, seats, change, _, _ in data_2016.SCOTLAND
    ]
    return legislature(
        id="scotland", title="Scottish Parliament", total=129, majority=65, parties=parties
    )


def bristol() -> dict[str, Any]:
    """A second mayoralty whose candidates share names with London's (invented figures)."""
    candidates = [
        {"name": "Sadiq Khan", "party": "IND", "votes": 1200},
        {"name": "Zac Goldsmith", "party": "CON", "votes": 3400, "elected": True},
    ]
    return mayor(id="bristol", title="Bristol mayor", round=1, total=3, reported=3,
                 turnout=None, candidates=candidates)  # fmt: skip


DOC = document(councils(), legislature(), mayor(), scotland(), bristol())
ORDER = "2143254152"
"""Keys pressed in turn: every contest from every other kind, both ways, and like to like."""


def selected(app: ResultsBoard) -> Any:
    return app.state.selected


def wall_rows_read_back(app: ResultsBoard) -> dict[str, tuple[str, ...]]:
    """Each row on the wall: its key and the figures its digits show, checked against its
    column count."""
    wall = app.query_one(Wall)
    header = wall.query_one(WallHeader)
    rows: dict[str, tuple[str, ...]] = {}
    for row in wall.query(WallRow):
        if not row.display:
            continue
        boxes = list(row.query(".wall-cell"))
        assert len(boxes) == len(header.headers), (row.line.key, len(boxes), header.headers)
        rows[row.line.key] = tuple(box.query_one(Digits).value for box in boxes)
    return rows


def wall_expected(app: ResultsBoard) -> dict[str, tuple[str, ...]]:
    view = wall_view(selected(app), app.state.sort_for(selected(app).kind))
    return {line.key: tuple(cell.text for cell in line.cells) for line in view.lines}


async def settled(app: ResultsBoard, pilot: Any, key: str) -> None:
    index = int(key) - 1
    await pilot.press(key)
    await async_wait_for(
        lambda: selected(app) is app.state.shown.feed.contests[index],  # type: ignore[union-attr]
        f"contest {key} selected",
    )
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_wall_shows_each_contests_own_figures_in_its_own_columns(
    size: tuple[int, int],
) -> None:
    async with board_showing(DOC, size=size, wall=True) as (app, _, _, pilot):
        for key in ORDER:
            await settled(app, pilot, key)
            contest = selected(app)
            expected = wall_expected(app)

            def agrees(expected: dict[str, tuple[str, ...]] = expected) -> bool:
                shown = wall_rows_read_back(app)
                return bool(shown) and all(expected[k] == v for k, v in shown.items())

            await async_wait_for(agrees, f"the wall of {contest.title} at {size}")
            shown = wall_rows_read_back(app)
            assert app.query_one(WallHeader).headers == wall_view(contest).headers
            # Figures read from the documents themselves, not from the wall's own rules.
            if contest.id == "scotland":  # seats as the feed gives them; no shares: no column
                seats = {row[0]: row[3] for row in data_2016.SCOTLAND}
                assert all(v[0].strip() == str(seats[k]) and len(v) == 2
                           for k, v in shown.items())  # fmt: skip
            if contest.id == "wales":
                share = {row[0]: row[6] for row in data_2016.WALES}
                assert all(float(v[2]) == share[k] for k, v in shown.items())


async def test_a_wall_row_given_other_columns_is_made_again() -> None:
    """The row itself, handed a line of another shape, shows that shape (not the old one's)."""
    async with board_showing(DOC, size=(200, 60)) as (app, _, _, pilot):
        await pilot.pause()
        row = app.query(WallRow).first()
        english = row.line
        welsh = next(line for line in wall_view(legislature_of(app)).lines if line.key == "LAB")
        row.line = welsh
        await async_wait_for(lambda: len(row.query(".wall-cell")) == 3, "three columns")
        await pilot.pause()
        assert [d.value for d in row.query(Digits)] == [c.text for c in welsh.cells]
        row.line = english
        await async_wait_for(lambda: len(row.query(".wall-cell")) == 4, "four columns again")


def legislature_of(app: ResultsBoard) -> LegislatureContest:
    found = app.state.shown.feed.contests[1]  # type: ignore[union-attr]
    assert isinstance(found, LegislatureContest)
    return found


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_tables_show_each_contests_own_rows_after_every_switch(
    size: tuple[int, int],
) -> None:
    async with board_showing(DOC, size=size, wall=False) as (app, _, _, pilot):
        for key in ORDER:
            await settled(app, pilot, key)
            contest = selected(app)
            if isinstance(contest, MayorContest):
                table = app.query_one(CandidateTable)
                assert [row.line for row in table.rows] == candidate_lines(contest)
                assert not any(row.has_class("-flash") for row in table.rows)
                continue
            assert isinstance(contest, CouncilsContest | LegislatureContest)
            shown = [t for t in app.query(PartyTable) if t.region.area > 0]
            assert len(shown) == 1
            table = shown[0]
            sort = app.state.sort_for(contest.kind)
            assert [row.line for row in table.rows] == party_lines(contest, sort)
            assert all(row._columns == table.columns for row in table.rows)
            assert not any(row.flashing for row in table.rows)  # a switch is not news
