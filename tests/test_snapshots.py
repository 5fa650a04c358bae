"""Snapshot tests: the board's layout at 120×40, 80×24, too small, failing, and with help open.

The SVGs live in tests/__snapshots__/ and are reviewed by eye before they are
accepted (`pytest --snapshot-update`). The clock is fixed and the ticker pages
instead of scrolling, so a snapshot only changes when the layout does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from board.app import ResultsBoard
from board.status import Mode
from feeds import Backoff, FeedHTTPError
from sample_feeds.factory import document
from tests.boardkit import Board, scripted_board
from tests.waiting import async_wait_for

SnapCompare = Callable[..., bool]


def board(mode: Mode = "demo") -> Board:
    """The board with the seed document queued, still (the ticker pages: a still frame)."""
    backoff = Backoff(rng=lambda low, high: low)  # "retrying in 8 s", every run
    return scripted_board(document(), backoff=backoff, still=True, mode=mode, wall=False)


def after_first_snapshot(
    then: Callable[[Pilot[Any], ResultsBoard], Awaitable[None]] | None = None,
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ResultsBoard)
        await async_wait_for(lambda: app.state.shown is not None, "the first snapshot on screen")
        if then is not None:
            await then(pilot, app)
        app.tick()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_demo_board(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app, _, _ = board()
    assert snap_compare(app, terminal_size=size, run_before=after_first_snapshot())


def test_too_small(snap_compare: SnapCompare) -> None:
    app, _, _ = board()
    assert snap_compare(app, terminal_size=(50, 12), run_before=after_first_snapshot())


def test_live_error_keeps_figures(snap_compare: SnapCompare) -> None:
    app, source, clock = board(mode="live")

    async def fail(pilot: Pilot[Any], app: ResultsBoard) -> None:
        source.push(FeedHTTPError(503, retry_after=8))
        app.action_poll_now()
        await async_wait_for(lambda: app.state.feed.error is not None, "the failure recorded")

    assert snap_compare(app, terminal_size=(120, 40), run_before=after_first_snapshot(fail))


def test_stale(snap_compare: SnapCompare) -> None:
    app, source, clock = board(mode="live")

    async def go_stale(pilot: Pilot[Any], app: ResultsBoard) -> None:
        clock.advance(60)

    assert snap_compare(app, terminal_size=(120, 40), run_before=after_first_snapshot(go_stale))


def test_help(snap_compare: SnapCompare) -> None:
    app, _, _ = board()

    async def open_help(pilot: Pilot[Any], app: ResultsBoard) -> None:
        await pilot.press("question_mark")

    assert snap_compare(app, terminal_size=(120, 40), run_before=after_first_snapshot(open_help))
