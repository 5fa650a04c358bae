"""Pilot tests of wall mode, the projection and the gains chart on the running board.

The automatic switch at 160×50 and back, `w`, `--wall`/`--no-wall`, the
wall's honesty (stale, error, test data), one party's update redrawing only
that party's digits, feed text shown literally, and what fits at 80×24.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.widgets import Digits

from board.app import ResultsBoard
from feeds import FeedHTTPError
from sample_feeds.factory import councils, document, legislature, projection, with_party
from tests.boardkit import (
    board_showing,
    live_board,
    screen_text,
    shown_sequence,
)
from tests.waiting import async_wait_for
from widgets._wall_row import WallRow
from widgets.gains_chart import GainRow
from widgets.projection import ProjectionPanel
from widgets.wall import Wall, WallChips
from widgets.wall_views import WallView


def wall_shown(app: ResultsBoard) -> bool:
    wall = app.query_one(Wall)
    return app.screen.has_class("-wall") and wall.display and wall.region.area > 0


def chip_words(app: ResultsBoard) -> str:
    return " ".join(str(chip.text) for chip in app.query_one(WallChips).chips)


async def test_the_wall_switches_on_by_itself_from_160_by_50_and_off_below() -> None:
    async with board_showing(document(), size=(159, 50)) as (app, source, _, pilot):
        await pilot.pause()
        assert not wall_shown(app) and app.query_one("#main").region.area > 0
        await pilot.resize_terminal(160, 50)
        await async_wait_for(lambda: wall_shown(app), "the wall at 160×50")
        assert app.query_one("#main").region.area == 0  # the table is not drawn under it
        assert app.query_one(Wall).view.counter is not None
        await pilot.resize_terminal(160, 49)
        await async_wait_for(lambda: not wall_shown(app), "the board back below 160×50")


async def test_w_toggles_the_wall_and_the_choice_stands_across_resizes() -> None:
    async with board_showing(document()) as (app, source, _, pilot):
        await pilot.press("w")
        await async_wait_for(lambda: wall_shown(app), "the wall after w")
        await pilot.press("w")
        await async_wait_for(lambda: not wall_shown(app), "the board after w again")
        await pilot.resize_terminal(200, 60)  # big enough, but the producer said no
        await pilot.pause()
        assert not wall_shown(app)
        await pilot.press("w")
        await async_wait_for(lambda: wall_shown(app), "the wall after a third w")


@pytest.mark.parametrize(
    ("wall", "size", "shown"), [(False, (200, 60), False), (True, (80, 24), True)]
)
async def test_no_wall_and_wall_options_override_the_size(
    wall: bool, size: tuple[int, int], shown: bool
) -> None:
    app, source, _ = live_board(wall=wall)
    async with app.run_test(size=size) as pilot:
        source.push(document())
        await shown_sequence(app, 1)
        await pilot.pause()
        assert wall_shown(app) is shown


async def test_at_80_by_24_the_wall_shows_what_fits_and_says_what_does_not() -> None:
    async with board_showing(document(), size=(80, 24), wall=True) as (app, source, _, pilot):
        await pilot.pause()
        text = screen_text(app)
        assert "Labour" in text and "No Overall Control" in text
        assert "more parties — w for the table" in text
        assert "Respect" not in text  # the last party before NOC is cut


async def test_one_partys_update_redraws_its_digits_and_repaints_its_lines_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What reaches the terminal is read where Textual hands the screen's updates to the
    driver (`App._display`; the headless driver writes nothing)."""
    app, source, _ = live_board()
    updates: list[str] = []
    painted: list[str] = []
    original = Digits.update

    def counting(self: Digits, value: str) -> None:
        updates.append(value)
        original(self, value)

    async with app.run_test(size=(200, 60)) as pilot:
        doc = document()
        source.push(doc)
        await shown_sequence(app, 1)
        await async_wait_for(lambda: wall_shown(app), "the wall")
        await pilot.pause()
        monkeypatch.setattr(Digits, "update", counting)
        widgets = list(app.query_one(Wall).query("*"))
        display = app._display

        def capture(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                painted.append(renderable.render_segments(app.console))
            display(screen, renderable)

        app._display = capture  # type: ignore[method-assign]
        source.push(with_party(doc, "LAB", seats=1009))
        await shown_sequence(app, 2)
        await pilot.pause()
        assert updates == ["1009"]  # Labour's seats, padded to the column: nothing else
        assert list(app.query_one(Wall).query("*")) == widgets  # nothing mounted or removed
        lab = app.query_one(WallRow).region  # the first row: Labour
        rows = {int(m) - 1 for text in painted for m in re.findall(r"\x1b\[(\d+);\d+H", text)}
        assert rows and rows <= set(range(lab.y, lab.bottom)), (rows, lab)
        assert sum(len(text.encode()) for text in painted) < 2_000


async def test_the_wall_is_honest_about_stale_failing_and_test_data() -> None:
    async with board_showing(document(test=True), size=(200, 60)) as (app, source, clock, pilot):
        app.tick()
        await pilot.pause()
        wall = app.query_one(Wall)
        assert "▚ TEST DATA ▚" in chip_words(app) and "● LIVE" in chip_words(app)
        source.push(FeedHTTPError(503))
        await async_wait_for(lambda: app.state.feed.error is not None, "the failure")
        app.tick()
        await pilot.pause()
        assert wall.has_class("-error") and "✖ ERROR" in chip_words(app)
        clock.advance(60)
        app.tick()
        await pilot.pause()
        assert wall.has_class("-stale") and "◷ STALE" in chip_words(app)
        assert "▚ TEST DATA ▚" in chip_words(app)  # test data stays marked whatever the state


async def test_feed_text_on_the_wall_is_shown_literally() -> None:
    app, source, _ = live_board()
    hostile = councils()
    hostile["parties"][0]["name"] = "[bold]Lab[/b] [@click=app.quit]x[/]"
    hostile["projection"] = projection(source="[/] Desk [link=http://x]y[/link]")
    async with app.run_test(size=(200, 60)) as pilot:
        source.push(document(hostile))
        await shown_sequence(app, 1)
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Lab[/b] [@click=app.quit]x[/]" in text
        assert "Projection · [/] Desk [link=http://x]y[/link]" in text
        assert app.is_running


async def test_projection_and_gains_chart_on_the_board_and_the_wall() -> None:
    app, source, _ = live_board(wall=False)
    contest = councils(projection=projection())
    async with app.run_test(size=(120, 40)) as pilot:
        source.push(document(contest, legislature()))
        await shown_sequence(app, 1)
        await pilot.pause()
        text = screen_text(app)
        assert "◆ Projection · Example desk's projected national share" in text
        assert "LAB 31%" in text and "CON 30%" in text
        assert len(app.query(GainRow)) == 8  # the parties that moved (Residents did not)
        await pilot.press("w")
        await async_wait_for(lambda: wall_shown(app), "the wall")
        await pilot.pause()
        assert app.query_one("#wall-projection", ProjectionPanel).view is not None
        assert "◆ Projection" in screen_text(app)
        await pilot.press("2")  # the Welsh Assembly: no projection there
        await async_wait_for(
            lambda: app.query_one(Wall).view.title == "Welsh Assembly", "the second contest"
        )
        await pilot.pause()
        assert not app.query_one("#wall-projection", ProjectionPanel).display
        assert "31 seats for a majority" in screen_text(app)


def test_the_wall_view_default_is_empty() -> None:
    assert WallView().lines == () and WallView().counter is None
