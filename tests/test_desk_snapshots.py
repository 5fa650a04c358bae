"""Snapshot tests of the producer's desk at 80×24, 120×40 and 200×60: the finder (with the
highlighted area's result beside the list), the alert banner, the key moments, and an area's
result (a council, a constituency). SVGs in tests/__snapshots__/, each looked at before it was
accepted; the clock is fixed and the ticker pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from board.app import ResultsBoard
from sample_feeds.factory import declaration
from tests.boardkit import polled_until_shown, scripted_board
from tests.deskkit import night, seat, with_declaration
from tests.waiting import async_wait_for
from widgets._party_row import PartyRow
from widgets.area_result import AreaResult

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (120, 40), (200, 60)]
sizes = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


def gains() -> dict[str, Any]:
    """The night after two changes of control: one in each contest."""
    one = with_declaration(night(), 1, seat("Caer Wen", "02:00", "PC", "LAB"))
    return with_declaration(one, 0, declaration("Walsall", "04:05", "NOC", "LAB"))


def board(*docs: dict[str, Any]) -> ResultsBoard:
    app, _, _ = scripted_board(*docs, mode="demo", still=True)
    return app


def then(
    *keys: str, sequence: int = 1, preview: str | None = None
) -> Callable[..., Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ResultsBoard)
        await polled_until_shown(app, sequence)
        for row in app.query(PartyRow):  # a still frame: no figure mid-flash, however slow
            row.flashing = frozenset()
        app.tick()
        await pilot.press(*keys)
        if preview is not None:
            await async_wait_for(
                lambda: (
                    (view := app.screen.query_one("#preview", AreaResult).view) is not None
                    and view.name == preview
                ),
                f"{preview}'s result beside the list",
            )
        await pilot.pause()

    return run_before


@sizes
def test_finder(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = board(night())
    assert snap_compare(
        app, terminal_size=size, run_before=then("slash", "d", "u", preview="Dudley")
    )


@sizes
def test_alert_banner(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = board(night(), gains())
    assert snap_compare(app, terminal_size=size, run_before=then(sequence=3))


@sizes
def test_key_moments(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = board(night(), gains())
    assert snap_compare(app, terminal_size=size, run_before=then("m", sequence=3))


def test_council_result(snap_compare: SnapCompare) -> None:
    app = board(night())
    keys = ("slash", "d", "u", "d", "enter")
    assert snap_compare(app, terminal_size=(120, 40), run_before=then(*keys))


def test_constituency_result(snap_compare: SnapCompare) -> None:
    app = board(night(), gains())
    keys = ("2", "slash", "c", "a", "enter")
    assert snap_compare(app, terminal_size=(80, 24), run_before=then(*keys, sequence=3))
