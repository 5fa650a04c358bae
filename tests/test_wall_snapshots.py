"""Snapshot tests of wall mode: each size, each kind of contest, stale and test data.

The SVGs live in tests/__snapshots__/ and were reviewed by eye (as PNGs) before
they were accepted (`pytest --snapshot-update`). The clock is fixed and the
ticker pages instead of scrolling, so a snapshot changes only with the layout.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from board.app import ResultsBoard
from board.status import Mode
from sample_feeds.factory import councils, document, legislature, mayor, projection
from tests.boardkit import ManualClock, scripted_board
from tests.test_snapshots import after_first_snapshot

SnapCompare = Callable[..., bool]


def wall_board(doc: dict[str, Any], *, mode: Mode = "demo") -> tuple[ResultsBoard, ManualClock]:
    app, _, clock = scripted_board(doc, mode=mode, wall=True, still=True)
    return app, clock


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_wall(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app, _ = wall_board(document(councils(projection=projection())))
    assert snap_compare(app, terminal_size=size, run_before=after_first_snapshot())


@pytest.mark.parametrize("kind", ["legislature", "mayor"])
def test_wall_kinds(snap_compare: SnapCompare, kind: str) -> None:
    contest = legislature(reported=57) if kind == "legislature" else mayor()
    app, _ = wall_board(document(contest))
    assert snap_compare(app, terminal_size=(200, 60), run_before=after_first_snapshot())


def go_stale(clock: ManualClock) -> Callable[[Pilot[Any], ResultsBoard], Awaitable[None]]:
    async def then(pilot: Pilot[Any], app: ResultsBoard) -> None:
        clock.advance(60)

    return then


def test_wall_stale(snap_compare: SnapCompare) -> None:
    app, clock = wall_board(document(), mode="live")
    assert snap_compare(
        app, terminal_size=(200, 60), run_before=after_first_snapshot(go_stale(clock))
    )


def test_wall_test_data(snap_compare: SnapCompare) -> None:
    app, _ = wall_board(document(test=True), mode="live")
    assert snap_compare(app, terminal_size=(120, 40), run_before=after_first_snapshot())
