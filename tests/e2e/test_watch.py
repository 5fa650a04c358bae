"""End to end: the real `results-board watch` in a pseudo-terminal against the real `serve-feed`."""

from __future__ import annotations

import re

import httpx
import pytest

from bench.terminal import PtyProgram, board_command
from feeds.server import FeedServer
from sample_feeds.factory import document, encode, with_party

pytestmark = pytest.mark.e2e


def test_watch_shows_the_feed_follows_it_and_goes_stale_when_it_stops() -> None:
    first = document(sequence=1)
    second = with_party(first, "LAB", seats=1010, seats_change=-23)
    with FeedServer([encode(first), encode(second)], manual=True) as server:
        command = [*board_command(), "watch", server.url, "--interval", "1"]
        with PtyProgram(command, size=(120, 40)) as board:
            figures = ("96 of 124", "1005", "-28", "Labour", "No Overall Control", "LIVE")
            # The first frames arrive in pieces: wait for the whole board, not its first figure.
            board.wait_for_text(lambda text: all(figure in text for figure in figures))

            # The server publishes the next document; the board shows it within an interval or so.
            httpx.post(server.url.replace("/feed.json", "/next"), timeout=5).raise_for_status()
            text = board.wait_for_text("1010", timeout=10)
            assert "-23" in text

            # The server goes away: ERROR at once, STALE after three intervals, figures stay.
            server.stop()
            text = board.wait_for_text("STALE", timeout=20)
            assert "1010" in text
            assert board.alive
            board.send("q")
            assert board.wait_exit(timeout=10) == 0


def test_contest_tabs_switch_in_a_real_terminal() -> None:
    from feeds.recording import read_recording
    from sample_feeds import default_recording

    final = read_recording(default_recording())[-1]
    with FeedServer([final]) as server:
        command = [*board_command(), "watch", server.url, "--interval", "1"]
        with PtyProgram(command, size=(80, 24)) as board:
            board.wait_for_text(lambda text: "1005" in text and "Scottish Parliament" in text)
            # A frame reaches the pty in pieces (pyte ignores synchronized output): wait for every
            # figure of the new view together, never one figure and then assert the rest.
            board.send("2")
            scotland = ("65 for majority", "SNP", "129 of 129 seats")
            board.wait_for_text(lambda text: all(figure in text for figure in scotland))
            board.send("4")
            london = ("1,310,143", "994,614", "Sadiq Khan")
            board.wait_for_text(lambda text: all(figure in text for figure in london))
            board.send("\t")  # tab wraps round to the first contest
            board.wait_for_text("96 of 124")
            board.send("q")
            assert board.wait_exit(timeout=10) == 0


def test_no_color_still_reads_gains_and_losses() -> None:
    with FeedServer([encode(document(sequence=1))]) as server:
        command = [*board_command(), "watch", server.url, "--interval", "1"]
        with PtyProgram(command, size=(120, 40), env={"NO_COLOR": "1"}) as board:
            needed = ("▼ -28", "▲ +23", "LIVE", "No Overall Control")
            board.wait_for_text(lambda text: all(figure in text for figure in needed))
            board.send("q")
            board.wait_exit(timeout=10)
            # Monochrome: Textual still sends colours, but only greys (r = g = b).
            colours = re.findall(rb"\x1b\[[0-9;]*?[34]8;2;(\d+);(\d+);(\d+)", bytes(board.raw))
            assert colours, "expected some (grey) colour sequences"
            assert all(r == g == b for r, g, b in colours), set(colours) - {
                (r, r, r) for r, _, _ in colours
            }
