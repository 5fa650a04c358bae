"""Pilot and snapshot tests of a night of races: overview, race view, search, balance of power."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot

from board.app import ResultsBoard
from board.desk_screens import FinderScreen
from feeds.ap import ApAdapter
from tests.apnight import NIGHT, response, trend_table
from tests.boardkit import ScriptedSource, polled_until_shown, scripted_board
from tests.waiting import async_wait_for
from widgets.race_overview import RaceOverview
from widgets.race_view import RaceView

SnapCompare = Callable[..., bool]


def night_board(steps: int = 2) -> tuple[ResultsBoard, ScriptedSource]:
    updates = [response(step, link="/x", truncated=False) for step in NIGHT[1:steps]]
    first = response(NIGHT[0], link="/x")
    app, source, _ = scripted_board(first, *updates, adapter=ApAdapter(), still=True)
    return app, source


shown = polled_until_shown


@asynccontextmanager
async def night_showing(
    size: tuple[int, int] = (120, 40),
) -> AsyncIterator[tuple[ResultsBoard, Pilot[Any]]]:
    """`night_board` running at `size`, the night's first two steps on screen."""
    app, source = night_board()
    async with app.run_test(size=size) as pilot:
        source.push(None)
        await shown(app, 2)
        yield app, pilot


def overview_text(app: ResultsBoard) -> list[str]:
    overview = app.query_one(RaceOverview)
    return [overview.render_line(y).text for y in range(overview.size.height)]


async def test_the_races_tab_shows_called_and_leading_apart_and_opens_a_race() -> None:
    async with night_showing() as (app, pilot):
        await pilot.press("2")
        await pilot.pause()
        lines = overview_text(app)
        wy = next(line for line in lines if line.lstrip().startswith("WY"))
        nv = next(line for line in lines if line.lstrip().startswith("NV  "))
        assert "✔ CALLED" in wy and "leading" not in wy
        assert "leading" in nv and "44% exp. vote" in nv and "CALLED" not in nv
        assert any("President · 1 of 3 called" in line for line in lines)
        assert app.query_one(RaceOverview).has_focus

        await pilot.press("down", "enter")  # from AZ to NV
        await pilot.pause()
        view = app.query_one(RaceView)
        assert view.display and view.data.title == "NV President"
        assert view.data.status.startswith("Ada Quill (Dem) leading by 4.2 pts")
        await pilot.press("escape")
        await pilot.pause()
        assert not view.display and app.query_one(RaceOverview).display


async def test_slash_finds_a_race_by_a_few_letters() -> None:
    async with night_showing((80, 24)) as (app, pilot):
        await pilot.press("slash")
        await async_wait_for(lambda: isinstance(app.screen, FinderScreen), "the finder open")
        assert app.screen.found.noun == "races"  # `/` finds the races on a night of races
        await pilot.press("k", "s", "space", "s", "e", "n", "enter")
        await async_wait_for(lambda: not isinstance(app.screen, FinderScreen), "the finder closed")
        await pilot.pause()
        assert app.state.open_race == "ap-ks-3100"
        assert app.query_one(RaceView).data.title == "KS U.S. Senate"


async def test_a_call_and_its_retraction_reach_the_overview() -> None:
    app, source = night_board(steps=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, 3)
        await pilot.press("2")
        await pilot.pause()
        ks = next(line for line in overview_text(app) if line.lstrip().startswith("KS"))
        assert "✔ CALLED" in ks
        source.push(response(NIGHT[3], link="/x", truncated=False))
        await shown(app, 4)
        await pilot.pause()
        ks = next(line for line in overview_text(app) if line.lstrip().startswith("KS"))
        assert "leading" in ks and "CALLED" not in ks


async def test_sorting_the_overview_keeps_the_cursor_on_its_race() -> None:
    async with night_showing() as (app, pilot):
        await pilot.press("2", "down")  # from AZ to NV President
        await pilot.pause()
        overview = app.query_one(RaceOverview)
        assert overview.selected is not None and overview.selected.place == "NV"
        await pilot.press("s")
        await pilot.pause()
        assert overview.sort == "margin"
        assert overview.selected is not None and overview.selected.place == "NV"


def after(
    then: Callable[[Pilot[Any], ResultsBoard], Awaitable[None]],
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ResultsBoard)
        await shown(app, 2)
        await then(pilot, app)
        app.tick()
        await pilot.pause()

    return run_before


async def races_tab(pilot: Pilot[Any], app: ResultsBoard) -> None:
    await pilot.press("2")


async def a_race(pilot: Pilot[Any], app: ResultsBoard) -> None:
    await pilot.press("2", "down", "enter")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_races_overview(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app, source = night_board()
    source.push(None)
    assert snap_compare(app, terminal_size=size, run_before=after(races_tab))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_race_view(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app, source = night_board()
    source.push(None)
    assert snap_compare(app, terminal_size=size, run_before=after(a_race))


def test_races_overview_without_colour(
    snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app, source = night_board()
    source.push(None)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after(races_tab))


def test_electoral_college_and_balance_of_power(snap_compare: SnapCompare) -> None:
    app, source = night_board()
    table = trend_table(
        "U.S. Senate", "S", {"Dem": ("20", "4", "28", "+1"), "GOP": ("18", "3", "27", "-1")}
    )
    source.push(table)

    async def balance(pilot: Pilot[Any], app: ResultsBoard) -> None:
        await shown(app, 3)
        await pilot.press("2")

    assert snap_compare(app, terminal_size=(120, 40), run_before=after(balance))


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_electoral_college_is_told_in_electoral_votes_on_the_wall_and_the_board(
    size: tuple[int, int],
) -> None:
    """Newcomer report #12: the wall said "270 seats for a majority" under a counter of
    electoral votes, and the board "The feed lists no declarations" with states called."""
    from tests.boardkit import screen_text
    from widgets._wall_row import WallHeader
    from widgets.party_table import PartyTable
    from widgets.wall import Wall

    async with night_showing(size) as (app, pilot):
        await pilot.press("1")
        if app.screen.has_class("-wall"):  # on by itself at 200×60: the board first
            await pilot.press("w")
        await async_wait_for(lambda: not app.screen.has_class("-wall"), "the board")
        await pilot.pause()
        board = screen_text(app)
        assert "electoral votes" in board
        assert "seats" not in board.replace("Electoral", "")  # not one "seats"
        assert "The feed lists no declarations" not in board
        assert "electoral votes called" in board
        # AP gives no previous figures: no change column of zeros in the table either.
        table = app.query_one("#balance-table", PartyTable)
        assert [column.header for column in table.columns] == ["Won", "Leading"]
        heading = next(line for line in board.splitlines() if "Leading" in line)
        assert "+/-" not in heading
        await pilot.press("w")
        await async_wait_for(lambda: app.screen.has_class("-wall"), "the wall")
        await pilot.pause()
        wall = app.query_one(Wall)
        assert wall.view.target == "270 electoral votes for a majority"
        # AP gives no previous figures: no change column (of zeros) on the wall.
        assert app.query_one(WallHeader).headers == ("Won", "Leading")
        assert "seats" not in screen_text(app)


def _recalls() -> list[dict[str, Any]]:
    """Three measures named alike but for their ends, and a race with a long leader's name."""
    from tests.apnight import candidate, race

    found = [
        race(
            f"50{n}",
            "CO",
            "I",
            "Question",
            [candidate("1", "Yes", "Yes", 900 + n, winner="X"), candidate("2", "No", "No", 400)],
            seat=f"Recall Williams District {n}",
            precincts=(100, 100),
        )
        for n in (1, 2, 5)
    ]
    governor = [candidate("9", "Alexandra Ocasio-Whitfield", "Dem", 5000),
                candidate("8", "Matt Bevin", "GOP", 4000)]  # fmt: skip
    return [race("60", "KY", "G", "Governor", governor, precincts=(50, 100)), *found]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_races_named_alike_are_told_apart_in_the_overview(size: tuple[int, int]) -> None:
    """Newcomer report #10: at 120×40 three "CO Recall… Yes" lines; the place column now takes
    the room the leader's column does not need."""
    app, source, _ = scripted_board(response(_recalls()), adapter=ApAdapter(), still=True)
    async with app.run_test(size=size) as pilot:
        await shown(app, 1)
        await pilot.press("2")
        await pilot.pause()
        lines = overview_text(app)
        recalls = [line for line in lines if " Yes " in line]
        assert len(recalls) == 3
        ends = {line.split("Yes")[0].strip() for line in recalls}
        assert len(ends) == 3, recalls  # three different places on screen
        assert any("Alexandra" in line for line in lines)  # the leader keeps room too


def test_the_overview_columns_share_the_room_and_places_keep_both_ends() -> None:
    from widgets.race_overview import LEADER_MIN, PLACE, column_widths, middle_cut

    assert middle_cut("CO Recall Williams District 1", 17) == "CO Recal…strict 1"
    assert middle_cut("CO Recall Williams District 1", 29) == "CO Recall Williams District 1"
    assert [middle_cut("abcdef", n) for n in (0, 1, 2, 3)] == ["", "…", "a…", "a…f"]

    assert column_widths(80, 30, 3) == (31, 15)  # room 46: the place whole, the rest leader
    assert column_widths(70, 30, 16) == (PLACE + 8, 17)  # room 36: leader 17, place 19
    assert column_widths(70, 30, 40) == (18, 18)  # a long leader: half the room at most
    assert column_widths(40, 30, 30) == (PLACE, LEADER_MIN)  # no room: the least of each
    assert column_widths(200, 5, 5) == (PLACE, 200 - 34 - PLACE)


async def test_a_call_on_the_races_tab_alerts_while_another_tab_is_on_screen() -> None:
    from widgets.alert_banner import AlertBanner

    app, source = night_board(steps=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(app, 2)
        await pilot.press("1")  # the electoral college, not the races
        await pilot.pause()
        banner = app.query_one(AlertBanner)
        assert not banner.display and "WY" not in banner.text  # WY's call: the night so far
        source.push(response(NIGHT[2], link="/x", truncated=False))
        await shown(app, 3)
        await pilot.pause()
        assert app.state.selected is not None and app.state.selected.id == "electoral-college"
        assert banner.display
        assert "✔ CALLED 23:00" in banner.text and "2 unacknowledged" in banner.text
        assert "NV President" in banner.text and "KS U.S. Senate" in banner.text
        first = banner.text
        await pilot.press("a")
        await pilot.pause()
        assert banner.display and banner.text != first and "unacknowledged" not in banner.text
        assert banner.text.startswith("⚑ ✔ CALLED 23:00")
        await pilot.press("a")
        await pilot.pause()
        assert not banner.display and app.state.desk.waiting == ()
        source.push(response(NIGHT[3], link="/x", truncated=False))  # AP retracts KS
        await shown(app, 4)
        await pilot.pause()
        assert banner.text.startswith("⚑ ✖ CALL RETRACTED 23:00 KS U.S. Senate · Dale Okafor")
