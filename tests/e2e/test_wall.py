"""End to end: the wall in a real terminal at 200×60, in 16 colours and under NO_COLOR.

The real `results-board watch` on a test-data feed file, in pseudo-terminals of
200×60 (where the board switches to the wall by itself): the figures show in
big digits, the TEST chip shows large on the wall as well as in the status
bar — a solid block in one of the 16 colours, or in greys without colour — and
when the feed goes away the wall says ERROR, large, too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.terminal import PtyProgram, board_command
from bench.wall_bench import digits_needle
from sample_feeds.factory import document
from tests.e2e.test_looks import SIXTEEN, grey

pytestmark = pytest.mark.e2e

NAMED = SIXTEEN | {"bfightmagenta"}
"""The 16 colours as pyte names them (pyte 0.8 spells bright magenta's background so)."""


def wall_chip(board: PtyProgram, words: str) -> tuple[str, str] | None:
    """(foreground, background) of the wall's chip (the second time `words` shows on screen,
    below the status bar), if it is there."""
    cell = board.cell_in(words, offset=2, first_row=3)
    if cell is None:
        return None
    return (cell.fg, cell.bg) if not cell.reverse else (cell.bg, cell.fg)


def test_the_wall_at_200_by_60_in_16_colours_and_without_colour(tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(document(test=True)))
    command = [*board_command(), "watch", str(feed), "--interval", "1"]
    boards = {
        "16 colours": PtyProgram(command, size=(200, 60), env={"TERM": "xterm", "COLORTERM": ""}),
        "NO_COLOR": PtyProgram(command, size=(200, 60), env={"NO_COLOR": "1"}),
    }
    looks: dict[str, dict[str, tuple[str, str]]] = {name: {} for name in boards}
    try:
        for name, board in boards.items():
            board.wait_for_text(lambda text: digits_needle("1005") in text)
            board.wait_for_text(lambda text, b=board: wall_chip(b, "TEST DATA") is not None)
            look = wall_chip(board, "TEST DATA")
            assert look is not None
            looks[name]["test"] = look
        feed.unlink()  # the feed goes away: the wall says ERROR, large
        for name, board in boards.items():
            board.wait_for_text(lambda text, b=board: wall_chip(b, "✖ ERROR") is not None)
            look = wall_chip(board, "✖ ERROR")
            assert look is not None
            looks[name]["error"] = look
            assert digits_needle("1005") in board.text()  # the last good figures stay
    finally:
        for board in boards.values():
            board.close()
    sixteen = looks["16 colours"]
    assert sixteen["test"] != sixteen["error"], sixteen
    assert all(bg in NAMED and bg != "default" for _, bg in sixteen.values()), sixteen
    assert all(grey(fg) and grey(bg) and fg != bg for fg, bg in looks["NO_COLOR"].values())
