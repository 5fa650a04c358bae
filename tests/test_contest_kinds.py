"""Pilot and snapshot tests of each contest kind, with the bundled night's final figures."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from board.app import ResultsBoard
from feeds.recording import read_recording
from sample_feeds import default_recording
from tests.boardkit import ScriptedSource, screen_after, screen_text, scripted_board, shown_sequence
from tests.waiting import async_wait_for

FINAL: dict[str, Any] = json.loads(read_recording(default_recording())[-1])


def final_board() -> tuple[ResultsBoard, ScriptedSource]:
    app, source, _ = scripted_board(copy.deepcopy(FINAL), mode="demo", still=True)
    return app, source


async def test_the_final_figures_of_every_contest_are_on_screen() -> None:
    app, source = final_board()
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        await pilot.pause()
        text = screen_text(app)
        assert all(f in text for f in ("96 of 124", "1005", "-28", "No Overall Control"))
        text = await screen_after(pilot, "2")
        for figure in ("129 of 129 seats", "65 for majority", "SNP", "63", "-6", "+16", "-13"):
            assert figure in text, figure
        text = await screen_after(pilot, "3")
        for figure in ("60 of 60 seats", "31 for majority", "Plaid Cymru", "+7", "-4"):
            assert figure in text, figure
        text = await screen_after(pilot, "4")
        for figure in ("Sadiq Khan", "1,310,143", "994,614", "ELECTED", "Final round"):
            assert figure in text, figure


async def test_an_unknown_kind_leaves_the_other_contests_working() -> None:
    doc = copy.deepcopy(FINAL)
    doc["contests"].insert(1, {"kind": "referendum", "id": "eu", "title": "EU referendum"})
    app, _, _ = scripted_board(doc, interval=0.01)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        assert "(referendum) is not supported" in await screen_after(pilot, "2")
        assert "65 for majority" in await screen_after(pilot, "3")


async def test_a_contest_changing_while_not_selected_is_marked_on_its_tab() -> None:
    app, source, _ = scripted_board(interval=0.01)
    first = copy.deepcopy(FINAL)
    second = copy.deepcopy(FINAL)
    second["sequence"] += 1
    wales = next(c for c in second["contests"] if c["id"] == "wales")
    wales["parties"][0]["seats"] += 1
    async with app.run_test(size=(120, 40)) as pilot:
        source.push(first)
        await shown_sequence(app, FINAL["sequence"])
        labels = lambda: [str(tab.label) for tab in app.query("Tab")]  # noqa: E731
        assert not any("●" in label for label in labels())
        source.push(second)
        await shown_sequence(app, FINAL["sequence"] + 1)
        await pilot.pause()
        marked = [label for label in labels() if "●" in label]
        assert marked == ["3  Welsh Assembly ●"]
        await pilot.press("3")
        await pilot.pause()
        assert not any("●" in label for label in labels())


def select_then_settle(index: int) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ResultsBoard)
        await async_wait_for(lambda: app.state.shown is not None, "the snapshot on screen")
        await async_wait_for(lambda: not app.query(".-flash"), "no flashing rows")
        app.action_select_contest(index)  # the keys themselves are tested above
        app.tick()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("index", [1, 3], ids=["legislature", "mayor"])
def test_kind_snapshot(
    snap_compare: Callable[..., bool], index: int, size: tuple[int, int]
) -> None:
    app, _ = final_board()
    assert snap_compare(app, terminal_size=size, run_before=select_then_settle(index))


async def test_a_choice_made_before_the_tabs_settle_stands_and_clicks_work() -> None:
    app, source = final_board()
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        app.action_select_contest(3)  # at once: the tabs are still mounting
        for _ in range(5):
            await pilot.pause()
        assert app.state.contest_id == "london"
        assert app.query_one("#views").current == "view-mayor"  # type: ignore[attr-defined]
        await pilot.click("#contest-wales")
        await async_wait_for(lambda: app.state.contest_id == "wales", "Wales chosen by a click")
        await pilot.pause()
        assert "31 for majority" in screen_text(app)
