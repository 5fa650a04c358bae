"""Wall mode without Textual: the switch's rule, and a contest as the wall shows it.

The rule (`board/wall.py`): the producer's choice (`--wall`, `--no-wall`, `w`)
stands; with none, the wall is on from 160×50. The presentation
(`board/wall_present.py`): figures padded so that `Digits` never changes
width, No Overall Control kept last, the counter and the majority line.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.renderables.digits import Digits

from board.state import BoardState
from board.wall import WALL_SIZE, WallSwitch
from board.wall_present import pad_column, wall_view
from feeds.contests import LegislatureContest, MayorContest
from feeds.models import Feed
from sample_feeds.factory import councils, document, legislature, mayor
from widgets.wall import fit_lines
from widgets.wall_views import WallCell, WallLine, WallView


def contest(doc: dict[str, object]) -> object:
    return Feed.model_validate(doc).contests[0]


@pytest.mark.parametrize(
    ("size", "on"),
    [
        ((80, 24), False),
        ((159, 60), False),
        ((200, 49), False),
        (WALL_SIZE, True),
        ((200, 60), True),
    ],
)
def test_by_itself_the_wall_is_on_from_160_by_50(size: tuple[int, int], on: bool) -> None:
    assert WallSwitch().resized(*size).on is on


def test_the_producers_choice_stands_whatever_the_size() -> None:
    assert WallSwitch(True).resized(80, 24).on  # --wall on a small terminal
    assert not WallSwitch(False).resized(250, 80).on  # --no-wall on a big one
    switch = WallSwitch().resized(200, 60).toggled()  # w: off, though big enough
    assert not switch.on and not switch.automatic
    assert not switch.resized(240, 70).on  # growing does not switch it back on
    assert switch.toggled().on  # w again: on
    assert WallSwitch(False).resized(80, 24).toggled().on  # --no-wall, then w: on


def test_the_board_state_carries_the_switch_and_resizes_are_cheap() -> None:
    state = BoardState.start(mode="live", source="x", interval=5, wall=None)
    assert not state.wall.on
    big = state.resized(200, 60)
    assert big.wall.on and big.resized(200, 60) is big  # the same size: the same value
    assert not big.toggle_wall().wall.on
    assert BoardState.start(mode="live", source="x", interval=5, wall=True).wall.on


def digits_widths(cells: list[WallCell]) -> set[tuple[int, int]]:
    return {(len(cell.text), Digits.get_width(cell.text)) for cell in cells}


def test_every_figure_of_a_column_is_as_wide_in_characters_and_in_digit_cells() -> None:
    view = wall_view(contest(document(councils())))  # type: ignore[arg-type]
    for column in range(len(view.headers)):
        assert len(digits_widths([line.cells[column] for line in view.lines])) == 1
    votes = wall_view(contest(document(mayor())))  # type: ignore[arg-type]
    assert len(digits_widths([line.cells[0] for line in votes.lines])) == 1
    # Mixed narrow characters (a point, a comma) are padded to the same cells too.
    padded = pad_column([[WallCell("1,310,143")], [WallCell("994,614")], [WallCell("")]])
    assert len(digits_widths([row[0] for row in padded])) == 1


def test_councils_wall_keeps_the_tables_order_with_noc_last_and_signed_changes() -> None:
    view = wall_view(contest(document(councils())))  # type: ignore[arg-type]
    assert view.headers == ("Councils", "+/-", "Seats", "+/-")
    assert [line.key for line in view.lines][:3] == ["LAB", "CON", "LD"]
    noc = view.lines[-1]
    assert noc.key == "NOC" and noc.pinned_last and noc.cells[2].text.strip() == ""
    lab = view.lines[0]
    assert [cell.text.strip() for cell in lab.cells] == ["49", "-1", "1005", "-28"]
    assert (lab.cells[1].tone, lab.cells[3].tone) == ("loss", "loss")
    assert lab.bar is not None and lab.bar.change == -28 and view.scale == 28
    assert view.counter is not None and view.counter.reported == 96
    assert view.counter.words == "96 of 124 councils · 77%"


def test_legislature_wall_is_seats_against_the_majority_line() -> None:
    chamber = contest(document(legislature(reported=59, total=60)))
    assert isinstance(chamber, LegislatureContest)
    view = wall_view(chamber)
    assert view.target == "31 seats for a majority"
    assert view.chamber is not None and view.chamber.majority == 31
    assert view.chamber.to_declare == 1
    assert view.lines[0].note == "largest · 2 short of a majority"  # Labour, 29 seats


def test_mayor_wall_shows_votes_set_apart_by_spaces_and_the_winner() -> None:
    race = contest(document(mayor()))
    assert isinstance(race, MayorContest)
    view = wall_view(race)
    first = view.lines[0]
    assert first.cells[0].text.strip() == "1 310 143" and first.note == "✔ ELECTED"
    assert view.target == "Round 2 · turnout 45.3%"


def test_a_kind_the_wall_cannot_show_says_so() -> None:
    view = wall_view(contest(document({"kind": "referendum", "id": "r", "title": "A vote"})))  # type: ignore[arg-type]
    assert view.lines == () and "not shown on the wall" in view.empty


def line(key: str, pinned: bool = False) -> WallLine:
    return WallLine(key, key, None, (), pinned_last=pinned)


def test_rows_that_do_not_fit_are_cut_from_the_tail_keeping_noc() -> None:
    lines = [line("A"), line("B"), line("C"), line("NOC", pinned=True)]
    shown, hidden = fit_lines(lines, 3)
    assert [x.key for x in shown] == ["A", "B", "NOC"] and hidden == 1
    assert fit_lines(lines, 10) == (lines, 0)
    assert [x.key for x in fit_lines(lines, 1)[0]] == ["NOC"]


def wall_of(doc: dict[str, Any]) -> WallView:
    """The wall of the first contest of `doc`."""
    return wall_view(Feed.model_validate(doc).contests[0])


def without(contest_doc: dict[str, Any], *fields: str, key: str = "parties") -> dict[str, Any]:
    """`contest_doc` with `fields` left out of every party (the feed does not give them)."""
    rows = [{k: v for k, v in row.items() if k not in fields} for row in contest_doc[key]]
    return contest_doc | {key: rows}


def test_a_column_the_feed_gives_no_figures_for_is_not_on_the_wall() -> None:
    """Scotland's feed has no shares: no blank Share % column; a change column only where the
    feed gives changes; a column with one figure stays."""
    assert wall_of(document(legislature())).headers == ("Seats", "+/-", "Share %")
    view = wall_of(document(without(legislature(), "share", "votes")))
    assert view.headers == ("Seats", "+/-") and all(len(ln.cells) == 2 for ln in view.lines)
    assert wall_of(document(without(legislature(), "seats_change"))).headers == (
        "Seats",
        "Share %",
    )
    one_share = without(legislature(), "share")
    one_share["parties"][0]["share"] = 30.0
    assert wall_of(document(one_share)).headers[-1] == "Share %"
    # A mayor's shares left out are worked out from the votes (`board.present.shares`).
    no_mayor_shares = without(mayor(), "share", key="candidates")
    assert wall_of(document(no_mayor_shares)).headers == ("Votes", "Share %")


def test_an_electoral_college_without_previous_figures_has_no_change_column() -> None:
    """Won and leading (AP's electoral college gives no previous figures): no +/- of zeros, on
    the wall and after the document is relayed (serialised without the absent change)."""
    parties = [
        {"code": "Dem", "name": "Dem", "seats": 60, "leading": 40},
        {"code": "GOP", "name": "GOP", "seats": 40, "leading": 50},
    ]
    college = legislature(
        id="electoral-college",
        title="Electoral college",
        total=538,
        reported=100,
        majority=270,
        unit="electoral votes",
        parties=parties,
    )
    feed = Feed.model_validate(document(college))
    assert wall_view(feed.contests[0]).headers == ("Won", "Leading")
    relayed = Feed.model_validate_json(feed.model_dump_json(exclude_none=True))
    party = relayed.contests[0]
    assert isinstance(party, LegislatureContest) and party.parties[0].seats_change is None
    given = college | {"parties": [dict(parties[0], seats_change=0), parties[1]]}
    assert wall_of(document(given)).headers == ("Won", "Leading", "+/-")
