"""Nothing takes the wall's big figures' width: the state chips stand beside the headline only
where both are whole there, else under it.

Pilot tests reading the laid-out regions back at 60×20 to 120×40 with chips alone, in pairs,
all but one and all: the counter's digits as wide as they draw, inside the headline, clear of
every chip; its words whole. And the user's case: a frozen demo wall at 80×24.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.widgets import Digits, Label

from board.look import CHIP_WORDS, DEMO_BADGE, TEST_CHIP
from board.state import FeedState
from board.wall_present import wall_view
from feeds import Feed
from sample_feeds.factory import councils, document, legislature
from tests.boardkit import WidgetApp, board_showing, screen_text
from tests.waiting import async_wait_for
from widgets._wall_row import digits_width
from widgets.views import Chip, CounterView
from widgets.wall import Wall

CONTESTS = {"councils": councils(), "legislature": legislature()}

STALE, ERROR = CHIP_WORDS[FeedState.STALE], CHIP_WORDS[FeedState.ERROR]
CHIPS = {
    "test": TEST_CHIP,
    "frozen": Chip("❄ FROZEN · 12 updates waiting", "frozen", "❄ FROZEN · 12 waiting"),
    "paused": Chip("❚❚ PAUSED", "paused"),
    "demo": DEMO_BADGE,
    "stale": Chip(
        CHIP_WORDS[FeedState.STALE], "stale", CHIP_WORDS[FeedState.STALE].split(" · ")[0]
    ),
    "error": Chip(
        CHIP_WORDS[FeedState.ERROR], "error", CHIP_WORDS[FeedState.ERROR].split(" · ")[0]
    ),
}
"""Every chip the wall can show, with the longest words each takes."""

SMALL_SIZES = [(60, 20), (80, 24), (100, 30), (120, 40)]


def headline_whole(app: App[Any], counter: CounterView) -> str:
    """ "" when the counter's digits and words are whole and clear of every chip, else what
    is wrong."""
    wall = app.query_one(Wall)
    chips = [chip.region for chip in wall.query(".wall-chip")]
    right = min(wall.content_region.right, wall.query_one("#wall-headline").region.right)
    for digits in wall.query_one("#wall-counter").query(Digits):
        region = digits.region
        if region.width < digits_width(digits.value):
            return f"{digits.id} {digits.value!r} cut to {region.width} columns"
        if region.right > right:
            return f"{digits.id} beyond the headline"
        if any(region.overlaps(chip) for chip in chips):
            return f"{digits.id} under a chip"
    words = wall.query_one("#counter-noun", Label)
    if words.region.width < cell_len(counter.words) or words.region.right > right:
        return f"{counter.words!r} cut"
    return ""


@pytest.mark.parametrize("size", SMALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", ["councils", "legislature"])
async def test_no_chip_takes_the_big_figures_width(kind: str, size: tuple[int, int]) -> None:
    """Chips alone, in pairs, all but one and all, at each size: the counter's digits and words
    are whole (the placement turns on the chips' total width, so these bound the rest)."""
    contest = Feed.model_validate(document(CONTESTS[kind])).contests[0]
    view = wall_view(contest)
    assert view.counter is not None
    app: WidgetApp[Wall] = WidgetApp(Wall())
    async with app.run_test(size=size) as pilot:
        app.widget.view = view
        for count in (0, 1, 2, len(CHIPS) - 1, len(CHIPS)):
            for names in itertools.combinations(CHIPS, count):
                app.widget.chips = tuple(CHIPS[name] for name in names)
                await pilot.pause()
                wrong = headline_whole(app, view.counter)
                assert not wrong, f"{kind} at {size} with {names}: {wrong}"
                shown = [str(chip.render()) for chip in app.widget.query(".wall-chip")]
                assert len(shown) == count  # each chip shown (in its short words if need be)


async def test_a_frozen_demo_wall_at_80_by_24_keeps_its_headline_whole() -> None:
    """The user's case: `demo` at 80×24, `w`, `f`, an update waiting."""
    doc = document(councils())
    async with board_showing(doc, size=(80, 24), wall=True, mode="demo") as (app, source, _, pilot):
        await pilot.press("f")
        source.push(document(councils(reported=97), sequence=2))
        await async_wait_for(lambda: app.state.waiting == 1, "an update waiting")
        await async_wait_for(lambda: "FROZEN" in screen_text(app), "the frozen chip")
        counter = app.query_one(Wall).view.counter
        assert counter is not None and not headline_whole(app, counter)
        assert counter.words in screen_text(app)  # read back from the screen
