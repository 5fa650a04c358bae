"""End to end: a gain on a contest that is not on screen, in a real terminal.

The real `results-board watch` polls a feed server on 127.0.0.1 every 2 s,
showing the English councils. The server publishes a gain in the other
contest (an invented assembly): the alert banner must be on screen before the
board's next poll — within one interval — with the bell rung (`--bell`), and
the tab left where the producer put it. `a` acknowledges it; `2`, `/` and two
letters show the gain's result. Beside it two more boards show the same alert
in 16 colours (`TERM=xterm`, 80×24) and under `NO_COLOR` (200×60): a banner
of its own colour in one, a reversed line in greys in the other.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bench.harness import LoggingFeedServer
from bench.terminal import PtyProgram, board_command
from feeds.server import FeedServer
from sample_feeds.factory import encode
from tests.deskkit import night, seat, with_declaration
from tests.e2e.test_looks import SIXTEEN, grey

pytestmark = pytest.mark.e2e

INTERVAL = 2.0
ALERT = "⚑ 02:00 Caer Wen · PC gain from LAB"
BOARD = ("English councils", "Invented Assembly", "1005", "Dudley")


def documents() -> list[bytes]:
    gain = with_declaration(night(), 1, seat("Caer Wen", "02:00", "PC", "LAB"))
    return [encode(night()), encode(gain)]


def watch(url: str, size: tuple[int, int], env: dict[str, str] | None = None) -> PtyProgram:
    command = [*board_command(), "watch", url, "--interval", f"{INTERVAL:g}", "--bell"]
    return PtyProgram(command, size=size, env=env)


def banner_look(board: PtyProgram) -> tuple[str, str, bool] | None:
    """(foreground, background, reversed) of the banner's first word cell, if it is on screen."""
    cell = board.cell_in(ALERT, offset=2)
    return None if cell is None else (cell.fg, cell.bg, cell.reverse)


def test_a_gain_on_another_contest_is_announced_within_one_interval(
    record_property: Callable[[str, object], None],
) -> None:
    with (
        LoggingFeedServer(documents(), manual=True) as server,
        watch(server.url, (120, 40)) as board,
    ):
        board.wait_for_text(lambda text: all(words in text for words in BOARD))
        published = server.advance()
        seen = board.shown_at(ALERT, timeout=30)
        assert seen is not None, board.text()
        polls = [t for t in server.requests if published < t <= seen]
        record_property("desk_alert_seconds", round(seen - published, 3))
        assert len(polls) <= 1, f"{len(polls)} polls before the alert showed"  # one interval
        assert b"\x07" in board.output.output_between(published, seen + 1)  # --bell
        text = board.wait_for_text(ALERT)
        assert "96 of 124" in text and "— Invented Assembly" in text  # the tab stayed
        board.send("a")
        board.wait_for_text(lambda text: ALERT not in text)
        board.send("2")
        board.wait_for_text("1 of 5 seats")
        board.send("/ca")
        board.wait_for_text(lambda text: "Majority 2,000" in text and "Caer Wen" in text)
        board.send("\x1b")  # escape
        board.wait_for_text(lambda text: "Find an area" not in text)
        board.send("q")
        assert board.wait_exit() == 0


def test_the_banner_reads_in_16_colours_and_without_colour() -> None:
    with FeedServer(documents(), manual=True) as server:
        boards = {
            "16 colours": watch(server.url, (80, 24), {"TERM": "xterm", "COLORTERM": ""}),
            "NO_COLOR": watch(server.url, (200, 60), {"NO_COLOR": "1"}),
        }
        try:
            for board in boards.values():  # the 200×60 one is a wall: no declarations list
                board.wait_for_text(lambda text: "96 of 124" in text and "Assembly" in text)
            server.next()
            looks = {}
            for name, board in boards.items():
                board.wait_for_text(lambda t, b=board: ALERT in t and banner_look(b) is not None)
                looks[name] = banner_look(board)
                board.send("q")
                assert board.wait_exit() == 0
        finally:
            for board in boards.values():
                board.close()
    fg, bg, _ = looks["16 colours"] or ("", "", False)
    assert fg in SIXTEEN and bg in SIXTEEN and bg != "default", looks
    fg, bg, reverse = looks["NO_COLOR"] or ("", "", False)
    assert reverse and grey(fg) and grey(bg), looks
