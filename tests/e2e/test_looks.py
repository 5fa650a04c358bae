"""End to end: each state's chip in a real terminal, in 16 colours and under NO_COLOR.

Two real boards watch the same test-data feed side by side in pseudo-terminals:
one with `TERM=xterm` (Rich picks 16 colours), one with `NO_COLOR=1`. The
producer freezes the display and pauses the ticker, then the feed goes away
(ERROR) and stays away (STALE). In 16 colours no two chips share a look; without
colour every chip is a reversed badge in greys, read by its glyph and word.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.terminal import PtyProgram, board_command
from sample_feeds.factory import document

pytestmark = pytest.mark.e2e

CHIPS = {
    "test": "▚ TEST DATA ▚",
    "frozen": "❄ FROZEN",
    "paused": "❚❚ PAUSED",
    "live": "● LIVE",
    "error": "✖ ERROR",
    "stale": "◷ STALE",
}
SIXTEEN = {
    *("black", "red", "green", "brown", "blue", "magenta", "cyan", "white", "default"),
    *(f"bright{c}" for c in ("black", "red", "green", "brown", "blue", "magenta", "cyan", "white")),
}
"""The colours pyte names: the 16 and the terminal's default (anything else is a hex triplet)."""


def chip_look(board: PtyProgram, words: str) -> tuple[str, str, bool] | None:
    """(foreground, background, reversed) of the chip's first word cell, if it is on screen."""
    cell = board.cell_in(words, offset=2)  # past the glyph: the first letter of the word
    return None if cell is None else (cell.fg, cell.bg, cell.reverse)


def grey(colour: str) -> bool:
    if colour == "default":
        return True
    if len(colour) != 6:
        return False
    r, g, b = (colour[i : i + 2] for i in (0, 2, 4))
    return r == g == b


def test_each_chip_has_its_own_look_in_16_colours_and_reads_without_colour(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(document(test=True)))
    command = [*board_command(), "watch", str(feed), "--interval", "1"]
    boards = {
        "16 colours": PtyProgram(command, env={"TERM": "xterm", "COLORTERM": ""}),
        "NO_COLOR": PtyProgram(command, env={"NO_COLOR": "1"}),
    }
    looks: dict[str, dict[str, tuple[str, str, bool]]] = {name: {} for name in boards}

    def collect(*tones: str) -> None:
        for name, board in boards.items():
            for tone in tones:

                def seen(text: str, board: PtyProgram = board, tone: str = tone) -> bool:
                    return CHIPS[tone] in text and chip_look(board, CHIPS[tone]) is not None

                board.wait_for_text(seen)
                look = chip_look(board, CHIPS[tone])
                assert look is not None
                looks[name][tone] = look

    try:
        collect("test", "live")
        for board in boards.values():
            board.send("f")
            board.send("p")
        collect("frozen", "paused")
        feed.unlink()  # the feed goes away: ERROR, then STALE after three intervals
        collect("error")
        collect("stale")
    finally:
        for board in boards.values():
            board.close()
    sixteen = looks["16 colours"]
    record_property("looks_16_colours", sixteen)
    assert len(set(sixteen.values())) == len(CHIPS), sixteen
    assert all(fg in SIXTEEN and bg in SIXTEEN for fg, bg, _ in sixteen.values()), sixteen
    for tone, (fg, bg, reverse) in looks["NO_COLOR"].items():
        assert reverse and grey(fg) and grey(bg), (tone, fg, bg)
