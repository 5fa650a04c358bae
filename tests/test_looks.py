"""Each state's look: a colour no other state shares in truecolor and in 16 colours, and a glyph
and word of its own, so that it reads under NO_COLOR too (Pilot, rendering the real headline)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from rich.color import ColorSystem
from rich.style import Style
from textual.geometry import Region

from board.app import ResultsBoard, create_app
from board.look import STATE_COLOURS
from board.state import BoardState
from feeds import Changed, Failed, FeedUnreachable, Snapshot
from feeds.models import Feed
from feeds.recording import read_recording
from sample_feeds import default_recording
from tests.boardkit import ManualClock, ScriptedSource
from widgets.status_bar import Headline

FINAL: dict[str, Any] = json.loads(read_recording(default_recording())[-1])
CLOCK = ManualClock()


def snapshot(test: bool = False) -> Snapshot:
    doc = copy.deepcopy(FINAL)
    doc["test"] = test
    return Snapshot(Feed.model_validate(doc), CLOCK.now)


def live(mode: str = "live", test: bool = False, days_ago: int = 0) -> BoardState:
    start = BoardState.start(mode=mode, source="test", interval=5)  # type: ignore[arg-type]
    return start.apply_outcome(Changed(snapshot(test)), CLOCK.now - timedelta(days=days_ago))


STATES: dict[str, Callable[[], BoardState]] = {
    "connecting": lambda: BoardState.start(mode="live", source="test", interval=5),
    "live": live,
    "demo": lambda: live("demo"),
    "replay": lambda: live("replay"),
    "stale": lambda: live(days_ago=1),
    "error": lambda: live().apply_outcome(Failed(FeedUnreachable("refused")), CLOCK.now),
    "frozen": lambda: live().freeze(),
    "paused": lambda: live().toggle_ticker(),
    "test": lambda: live(test=True),
}
"""A board in each state (stale: its last good poll a day ago)."""

WORDS = {
    "connecting": "◌ CONNECTING",
    "live": "● LIVE",
    "demo": "▶ DEMO",
    "replay": "↻ REPLAY",
    "stale": "◷ STALE",
    "error": "✖ ERROR",
    "frozen": "❄ FROZEN",
    "paused": "❚❚ PAUSED",
    "test": "▚ TEST DATA ▚",
}


def chip_style(app: ResultsBoard, words: str) -> Style:
    """The style of the headline's cells that show `words`, as sent to the terminal (after the
    app's filters: NO_COLOR's among them)."""
    headline = app.query_one(Headline)
    [strip] = headline.render_lines(Region(0, 0, headline.size.width, 1))
    segments = list(strip)
    for line_filter in app.get_line_filters():
        segments = line_filter.apply(segments, app.screen.styles.background)
    for segment in segments:
        if words in segment.text:
            assert segment.style is not None
            return segment.style
    raise AssertionError(f"{words!r} not in {strip.text!r}")


def look(style: Style, system: ColorSystem) -> tuple[object, ...]:
    """What the eye sees of a chip in a colour system: its two colours and whether reversed."""
    colours = [c.downgrade(system).name if c else None for c in (style.color, style.bgcolor)]
    return (*colours, style.reverse)


async def looks(monkeypatch: pytest.MonkeyPatch, no_color: bool) -> dict[str, Style]:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    source = ScriptedSource()
    app = create_app(source, clock=CLOCK)
    found = {}
    async with app.run_test(size=(160, 30)) as pilot:
        for tone, make in STATES.items():
            app.set_state(make())
            await pilot.pause()
            found[tone] = chip_style(app, WORDS[tone])
    return found


@pytest.mark.parametrize("system", [ColorSystem.TRUECOLOR, ColorSystem.STANDARD])
async def test_no_two_states_look_alike(
    monkeypatch: pytest.MonkeyPatch, system: ColorSystem
) -> None:
    found = await looks(monkeypatch, no_color=False)
    seen = {tone: look(style, system) for tone, style in found.items()}
    assert len(set(seen.values())) == len(seen), seen
    assert all(style.reverse and style.bold for style in found.values())


def test_the_palette_has_nine_colours_apart_in_sixteen() -> None:
    from rich.color import Color

    standard = {
        Color.parse(c).downgrade(ColorSystem.STANDARD).number for c in STATE_COLOURS.values()
    }
    assert len(standard) == len(STATE_COLOURS) == 9


async def test_without_colour_each_state_keeps_its_glyph_word_and_badge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = await looks(monkeypatch, no_color=True)
    for tone, style in found.items():
        assert style.reverse and style.bold, tone
        for colour in (style.color, style.bgcolor):
            if colour is not None and colour.triplet is not None:
                r, g, b = colour.triplet
                assert r == g == b, (tone, colour)  # greys only: colour carries nothing
    glyphs = {words.split()[0] for words in WORDS.values()}
    assert len(glyphs) == len(WORDS)


async def test_the_test_chip_before_the_title_is_never_cut() -> None:
    source = ScriptedSource()
    app = create_app(source, clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_state(live(test=True).freeze().toggle_ticker())
        await pilot.pause()
        headline = app.query_one(Headline)
        [strip] = headline.render_lines(Region(0, 0, headline.size.width, 1))
        assert strip.text.startswith(" TEST DATA  "), strip.text
        assert "● LIVE" in strip.text
