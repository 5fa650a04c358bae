"""The status bar's times line is one line at every width from the minimum (issue: 60×20).

At 60×20 the shortest form of the times line ("Now 20:47 · Feed 2016-05-05
22:45 · Good poll 0 s ago · 1 s") did not fit the bar and wrapped, splitting the
interval from its unit and costing a row. The line must pick a form that fits,
whatever the feed's time (a date, "received"), the poll's age and the interval.
"""

from __future__ import annotations

import pytest

from board.look import status_view
from sample_feeds.factory import small_document
from tests.boardkit import WidgetApp, board_showing, screen_text
from widgets.status_bar import StatusView, Timing

WIDTHS = [60, 70, 80, 100, 120]

DATED = {"published_at": "2016-05-05T22:45:00+01:00"}
RECEIVED = {**DATED, "format": "results-board/1.1", "time_basis": "received"}
CASES = {
    "dated": (DATED, 1.0, 0.0),
    "dated, 2 min old": (DATED, 1.0, 119.0),
    "received, 2 h old": (RECEIVED, 0.5, 7100.0),
}
"""The feed's time, the poll interval (s), and the seconds since the last good poll."""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", CASES)
async def test_the_times_line_fits_the_width_in_one_line(width: int, case: str) -> None:
    overrides, interval, later = CASES[case]
    document = small_document(**overrides)
    showing = board_showing(document, size=(width, 24), interval=interval)
    async with showing as (app, _, clock, pilot):
        clock.advance(later)
        app.tick()
        await pilot.pause()
        timing = app.query_one(Timing)
        times = timing.text.splitlines()[0]
        assert "Feed " in times and "2016-05-05 22:45" in times, times
        assert "good poll" in times.lower(), times  # the age of the figures is never dropped
        assert times in status_view(app.state, clock()).times, times  # whole, not cut
        assert len(times) <= timing.content_region.width, times
        lines = len(timing.text.splitlines())
        assert timing.region.height == lines, (times, timing.region.height)  # nothing wrapped
        assert times in screen_text(app), times


async def test_a_times_line_no_form_of_which_fits_is_cut_not_wrapped() -> None:
    view = StatusView(times=("Feed received 2016-05-05 22:45 · Good poll 119 min ago",))
    timing = Timing()
    async with WidgetApp(timing).run_test(size=(40, 5)) as pilot:
        timing.view = view
        await pilot.pause()
        assert timing.region.height == 1 and timing.text.endswith("…"), timing.text
        assert len(timing.text) == 40
