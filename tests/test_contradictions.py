"""Two panels never contradict each other without a word of explanation on screen (issue 11, kind
14): the bundled night's final figures, and members of the family made from them."""

from __future__ import annotations

import copy
import json
from typing import Any

from textual.pilot import Pilot

from board.app import ResultsBoard
from feeds.recording import read_recording
from sample_feeds import default_recording
from tests.boardkit import ScriptedSource, screen_text, scripted_board, shown_sequence
from widgets.seat_bar import SeatBar

FINAL: dict[str, Any] = json.loads(read_recording(default_recording())[-1])


def board(doc: dict[str, Any]) -> tuple[ResultsBoard, ScriptedSource]:
    app, source, _ = scripted_board(doc, mode="demo")
    return app, source


async def select(pilot: Pilot[Any], key: str) -> str:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app, ResultsBoard)
    return screen_text(pilot.app)


async def test_a_chamber_fully_declared_never_says_no_declarations_yet() -> None:
    app, _ = board(copy.deepcopy(FINAL))
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        text = await select(pilot, "2")
        assert "129 of 129 seats" in text
        assert "No declarations yet" not in text
        assert "The feed lists no declarations for this contest" in text


async def test_seats_short_of_the_seats_reported_are_named_not_passed_off_as_to_come() -> None:
    doc = copy.deepcopy(FINAL)
    scotland = next(c for c in doc["contests"] if c["id"] == "scotland")
    scotland["reported"] = 128  # one to declare; the parties hold 129 - 6 = 123
    scotland["parties"][0]["seats"] -= 6
    app, _ = board(doc)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        text = await select(pilot, "2")
        assert "128 of 129 seats" in text
        bar = app.query_one("#seat-bar", SeatBar)  # not the wall's
        assert "1 of 129 to declare, 5 not listed" in bar.text
        track_figure = bar.render().plain.splitlines()[-1].split()[-1]  # type: ignore[union-attr]
        assert track_figure == "1"  # the counter's "to declare", not the 6 seats the bar lacks
        assert "parties hold 123 seats, but 128 are reported" in text


async def test_the_final_round_says_its_eliminated_rows_are_first_round_votes() -> None:
    app, _ = board(copy.deepcopy(FINAL))
    async with app.run_test(size=(80, 24)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        text = await select(pilot, "4")
        assert "Final round" in text and "eliminated: 1st-round votes" in text


async def test_sort_on_a_legislature_names_a_legislature_sort() -> None:
    app, _ = board(copy.deepcopy(FINAL))
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        await select(pilot, "2")
        await pilot.press("s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "Sorted by seat change", messages


async def test_the_bundled_night_explains_its_seat_changes() -> None:
    app, _ = board(copy.deepcopy(FINAL))
    async with app.run_test(size=(120, 40)) as pilot:
        await shown_sequence(app, FINAL["sequence"])
        await pilot.pause()
        text = screen_text(app)
        assert "seat changes add up to +3, not 0: the seats up changed" in text
